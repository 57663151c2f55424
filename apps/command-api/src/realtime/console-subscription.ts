import type { LiveDelta } from '@app/event-sourcing';
import type { JurisdictionRegistry } from '@app/shared';
import type { ConsoleSubscription } from './console-rooms';

/** A delta sent by another API process (CLUSTER=true): checked before it is buffered and fanned out here. */
export function isLiveDelta(value: unknown): value is LiveDelta {
  const d = value as Partial<LiveDelta> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.name === 'string' &&
    typeof d.position === 'string' &&
    typeof d.scope === 'object' &&
    d.scope !== null
  );
}

/** What a console asks to follow (`subscribe`), or the Chinese reason it is refused. */
export function parseSubscription(body: unknown, jurisdictions: JurisdictionRegistry): ConsoleSubscription | string {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object') return 'subscribe 的参数须为对象';
  const { jurisdiction, incidentId, drillId, replayId } = body as Record<string, unknown>;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (jurisdiction !== undefined && (typeof jurisdiction !== 'string' || !jurisdictions.has(jurisdiction)))
    return 'jurisdiction 不是已知的辖区代码';
  if (incidentId !== undefined && (typeof incidentId !== 'string' || !uuid.test(incidentId)))
    return 'incidentId 须为 UUID';
  if (drillId !== undefined && (typeof drillId !== 'string' || !uuid.test(drillId))) return 'drillId 须为 UUID';
  if (replayId !== undefined && (typeof replayId !== 'string' || !uuid.test(replayId))) return 'replayId 须为 UUID';
  return { jurisdiction, incidentId, drillId, replayId } as ConsoleSubscription;
}
