import { randomUUID } from 'node:crypto';

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
