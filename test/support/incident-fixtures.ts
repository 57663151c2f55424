import { randomUUID } from 'node:crypto';
import type { IncidentReported } from '../../libs/incidents/src';

/** A valid 接报 body; tests override what they exercise. */
export function incidentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `测试事故 ${randomUUID().slice(0, 8)}`,
    category: 'hazardous_chemicals',
    occurredAt: '2026-11-22T13:40:00+08:00',
    location: { address: '中卫工业园区纬三路', lat: 37.53, lng: 105.14 },
    jurisdiction: '640571',
    enterprise: '某化工有限公司',
    reporter: { name: '张伟', phone: '0955-1234567', organization: '企业安全科' },
    casualties: { deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 2, trapped: 0 },
    directLossYuan: 500_000,
    description: '储罐阀门泄漏',
    ...overrides,
  };
}

/** Nobody hurt: the counts a report starts from; specs spread it and set what they exercise. */
export const NO_CASUALTIES = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

/**
 * An `IncidentReported` event as the incident decider records it (a tank leaking in the Zhongwei industrial park,
 * occurred 02:00 and received 02:05 UTC), for projection and process-manager specs; `data` overrides what a spec
 * exercises.
 */
export function incidentReported(incidentId: string, data: Partial<IncidentReported['data']> = {}): IncidentReported {
  return {
    type: 'IncidentReported',
    data: {
      incidentId,
      title: '某化工企业储罐泄漏',
      category: 'hazardous_chemicals',
      occurredAt: '2026-11-23T02:00:00.000Z',
      receivedAt: '2026-11-23T02:05:00.000Z',
      location: { address: '中卫工业园区', lat: 37.52, lng: 105.18 },
      jurisdiction: '640571',
      enterprise: null,
      reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' },
      takenBy: '值班员',
      casualties: NO_CASUALTIES,
      directLossYuan: null,
      description: '泄漏',
      drillId: null,
      grade: 'general',
      ...data,
    },
  };
}

export function waitForMessage<T>(
  socket: { once(event: string, cb: (payload: T) => void): unknown },
  event: string,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
