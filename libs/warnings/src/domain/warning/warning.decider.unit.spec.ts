import { fold } from '@app/event-sourcing';
import { DomainError } from '@app/shared';
import type { IssueWarning, WarningCommand } from './warning.commands';
import { warningDecider } from './warning.decider';
import type { WarningEvent } from './warning.events';
import { warningStatusAt } from './warning.types';

const now = new Date('2026-07-10T02:00:00Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const drillId = '5d0b6c1e-9a51-4f3e-8a0e-0c1d2e3f4a5b';

const issue: IssueWarning = {
  type: 'IssueWarning',
  warningId: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  jurisdiction: '640500',
  level: 'orange',
  hazard: '暴雨',
  area: { description: '中卫市沙坡头区、中宁县（演示）', polygon: null },
  message: '预计未来 6 小时内降雨量将达 50 毫米以上',
  instruction: '停止户外作业，远离河道',
  effective: now,
  expires: later(12),
  channels: ['sms', 'tv'],
  authority: 'all',
  now,
};
const update = (changes: Extract<WarningCommand, { type: 'UpdateWarning' }>['changes'], at = later(1)): WarningCommand =>
  ({ type: 'UpdateWarning', changes, reason: '雨情加剧', authority: 'all', now: at });
const lift = (at = later(2)): WarningCommand => ({ type: 'LiftWarning', reason: '降雨结束', authority: 'all', now: at });

function given(...commands: WarningCommand[]): WarningEvent[] {
  const history: WarningEvent[] = [];
  for (const command of commands) history.push(...warningDecider.decide(command, fold(warningDecider, history)));
  return history;
}
const when = (history: WarningEvent[], command: WarningCommand) => warningDecider.decide(command, fold(warningDecider, history));
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
}

describe('a warning not yet issued', () => {
  it('is issued (发布) with its content, times as ISO instants', () => {
    const events = when([], issue);
    expect(events).toEqual([{
      type: 'WarningIssued',
      data: expect.objectContaining({ warningId: issue.warningId, level: 'orange', effective: now.toISOString(), expires: later(12).toISOString(), drillId: null, issuedAt: now.toISOString() }),
    }]);
    expect(fold(warningDecider, events)).toMatchObject({ status: 'active', jurisdiction: '640500', instruction: '停止户外作业，远离河道' });
  });
  it('cannot be updated or lifted', () => {
    expect(codeOf(() => when([], update({ level: 'red' })))).toBe('WARNING_NOT_FOUND');
    expect(codeOf(() => when([], lift()))).toBe('WARNING_NOT_FOUND');
  });
  it('needs expires after effective (400) and not already past (422)', () => {
    expect(codeOf(() => when([], { ...issue, expires: now }))).toBe('WARNING_EXPIRES_NOT_AFTER_EFFECTIVE');
    expect(codeOf(() => when([], { ...issue, effective: new Date(now.getTime() - 7_200_000), expires: new Date(now.getTime() - 3_600_000) }))).toBe('WARNING_EXPIRES_IN_PAST');
  });
  it('is refused to a drill coordinator unless it is a drill warning', () => {
    expect(codeOf(() => when([], { ...issue, authority: 'drill_only' }))).toBe('FORBIDDEN');
    const events = when([], { ...issue, authority: 'drill_only', drillId });
    expect(events[0]).toMatchObject({ type: 'WarningIssued', data: { drillId } });
    expect(warningDecider.scopeOf!(fold(warningDecider, events))).toEqual({ jurisdiction: '640500', drillId });
  });
});

describe('an active warning', () => {
  const history = given(issue);
  it('cannot be issued twice', () => {
    expect(codeOf(() => when(history, issue))).toBe('WARNING_ALREADY_ISSUED');
  });
  it('is adjusted (调整): only what changes is recorded', () => {
    const events = when(history, update({ level: 'red', message: issue.message, expires: later(24) }));
    expect(events).toEqual([{ type: 'WarningUpdated', data: { warningId: issue.warningId, changes: { level: 'red', expires: later(24).toISOString() }, reason: '雨情加剧', updatedAt: later(1).toISOString() } }]);
    expect(fold(warningDecider, [...history, ...events])).toMatchObject({ level: 'red', expires: later(24).toISOString(), hazard: '暴雨' });
  });
  it('an adjustment that changes nothing appends nothing', () => {
    expect(when(history, update({ level: 'orange', channels: ['sms', 'tv'] }))).toEqual([]);
  });
  it('a new area replaces the old one', () => {
    const ring = [{ lat: 37.5, lng: 105.1 }, { lat: 37.6, lng: 105.1 }, { lat: 37.6, lng: 105.3 }, { lat: 37.5, lng: 105.1 }];
    const events = when(history, update({ area: { description: '沙坡头区', polygon: ring } }));
    expect(fold(warningDecider, [...history, ...events])).toMatchObject({ area: { description: '沙坡头区', polygon: ring } });
  });
  it('refuses an expiry before its start', () => {
    expect(codeOf(() => when(history, update({ expires: new Date(now.getTime() - 1000) })))).toBe('WARNING_EXPIRES_NOT_AFTER_EFFECTIVE');
  });
  it('is lifted (解除)', () => {
    const events = when(history, lift());
    expect(events).toEqual([{ type: 'WarningLifted', data: { warningId: issue.warningId, reason: '降雨结束', liftedAt: later(2).toISOString() } }]);
    expect(fold(warningDecider, [...history, ...events])).toMatchObject({ status: 'lifted', liftedAt: later(2).toISOString() });
  });
  it('a real warning is not the drill coordinator’s to change or lift', () => {
    expect(codeOf(() => when(history, { type: 'LiftWarning', reason: 'x', authority: 'drill_only', now: later(1) }))).toBe('FORBIDDEN');
    expect(codeOf(() => when(history, { type: 'UpdateWarning', changes: { level: 'red' }, authority: 'drill_only', now: later(1) }))).toBe('FORBIDDEN');
  });
});

describe('a lifted warning', () => {
  const history = given(issue, lift());
  it('refuses adjustment and a second lift (409 WARNING_LIFTED)', () => {
    expect(codeOf(() => when(history, update({ level: 'red' }, later(3))))).toBe('WARNING_LIFTED');
    expect(codeOf(() => when(history, lift(later(3))))).toBe('WARNING_LIFTED');
  });
  it('reads as lifted even after its expiry', () => {
    expect(warningStatusAt('lifted', later(12), later(48))).toBe('lifted');
  });
});

describe('an expired warning', () => {
  const history = given(issue);
  it('refuses adjustment and lifting (409 WARNING_EXPIRED); expired is derived from the clock', () => {
    expect(codeOf(() => when(history, update({ level: 'red' }, later(13))))).toBe('WARNING_EXPIRED');
    expect(codeOf(() => when(history, lift(later(12))))).toBe('WARNING_EXPIRED');
    expect(warningStatusAt('active', later(12), later(11))).toBe('active');
    expect(warningStatusAt('active', later(12), later(12))).toBe('expired');
  });
});
