import { spec } from '@app/event-sourcing/testing';
import type { IssueWarning, WarningCommand } from './warning.commands';
import { warningDecider } from './warning.decider';
import {
  DrillWarningsOnlyError,
  WarningAlreadyIssuedError,
  WarningExpiredError,
  WarningExpiresInPastError,
  WarningLiftedError,
  WarningNotFoundError,
  WarningTimesError,
} from './warning.errors';
import type { WarningEvent } from './warning.events';
import { warningStatusAt } from './warning.types';

const now = new Date('2026-07-10T02:00:00Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const drillId = '5d0b6c1e-9a51-4f3e-8a0e-0c1d2e3f4a5b';
const warningId = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';

const issue: IssueWarning = {
  type: 'IssueWarning',
  warningId,
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
const update = (
  changes: Extract<WarningCommand, { type: 'UpdateWarning' }>['changes'],
  at = later(1),
): WarningCommand => ({ type: 'UpdateWarning', changes, reason: '雨情加剧', authority: 'all', now: at });
const lift = (at = later(2)): WarningCommand => ({
  type: 'LiftWarning',
  reason: '降雨结束',
  authority: 'all',
  now: at,
});

// The history, as the stream would hold it.
const issued: WarningEvent = {
  type: 'WarningIssued',
  data: {
    warningId,
    jurisdiction: '640500',
    drillId: null,
    incidentId: null,
    issuedAt: now.toISOString(),
    level: 'orange',
    hazard: '暴雨',
    area: issue.area,
    message: issue.message,
    instruction: '停止户外作业，远离河道',
    effective: now.toISOString(),
    expires: later(12).toISOString(),
    channels: ['sms', 'tv'],
  },
};
const lifted: WarningEvent = {
  type: 'WarningLifted',
  data: { warningId, reason: '降雨结束', liftedAt: later(2).toISOString() },
};

const warning = spec(warningDecider);

describe('a warning not yet issued', () => {
  it('is issued (发布) with its content, times as ISO instants', () => {
    const { state } = warning.when(issue).then([
      {
        type: 'WarningIssued',
        data: expect.objectContaining({
          warningId,
          level: 'orange',
          effective: now.toISOString(),
          expires: later(12).toISOString(),
          drillId: null,
          issuedAt: now.toISOString(),
        }),
      },
    ]);
    expect(state).toMatchObject({ status: 'active', jurisdiction: '640500', instruction: '停止户外作业，远离河道' });
  });
  it('cannot be updated or lifted', () => {
    warning.when(update({ level: 'red' })).thenThrows(WarningNotFoundError, 'WARNING_NOT_FOUND');
    warning.when(lift()).thenThrows(WarningNotFoundError, 'WARNING_NOT_FOUND');
  });
  it('needs expires after effective (400) and not already past (422)', () => {
    warning.when({ ...issue, expires: now }).thenThrows(WarningTimesError, 'WARNING_EXPIRES_NOT_AFTER_EFFECTIVE');
    warning
      .when({ ...issue, effective: new Date(now.getTime() - 7_200_000), expires: new Date(now.getTime() - 3_600_000) })
      .thenThrows(WarningExpiresInPastError, 'WARNING_EXPIRES_IN_PAST');
  });
  it('is refused to a drill coordinator unless it is a drill warning', () => {
    warning.when({ ...issue, authority: 'drill_only' }).thenThrows(DrillWarningsOnlyError, 'FORBIDDEN');
    const { state } = warning
      .when({ ...issue, authority: 'drill_only', drillId })
      .then([{ type: 'WarningIssued', data: expect.objectContaining({ drillId }) }]);
    expect(warningDecider.scopeOf!(state)).toEqual({ jurisdiction: '640500', drillId });
  });
});

describe('an active warning', () => {
  const active = warning.given([issued]);
  it('cannot be issued twice', () => {
    active.when(issue).thenThrows(WarningAlreadyIssuedError, 'WARNING_ALREADY_ISSUED');
  });
  it('is adjusted (调整): only what changes is recorded', () => {
    const { state } = active.when(update({ level: 'red', message: issue.message, expires: later(24) })).then([
      {
        type: 'WarningUpdated',
        data: {
          warningId,
          changes: { level: 'red', expires: later(24).toISOString() },
          reason: '雨情加剧',
          updatedAt: later(1).toISOString(),
        },
      },
    ]);
    expect(state).toMatchObject({ level: 'red', expires: later(24).toISOString(), hazard: '暴雨' });
  });
  it('an adjustment that changes nothing appends nothing', () => {
    active.when(update({ level: 'orange', channels: ['sms', 'tv'] })).thenNothing();
  });
  it('a new area replaces the old one', () => {
    const ring = [
      { lat: 37.5, lng: 105.1 },
      { lat: 37.6, lng: 105.1 },
      { lat: 37.6, lng: 105.3 },
      { lat: 37.5, lng: 105.1 },
    ];
    const { state } = active.when(update({ area: { description: '沙坡头区', polygon: ring } })).decided();
    expect(state).toMatchObject({ area: { description: '沙坡头区', polygon: ring } });
  });
  it('refuses an expiry before its start', () => {
    active
      .when(update({ expires: new Date(now.getTime() - 1000) }))
      .thenThrows(WarningTimesError, 'WARNING_EXPIRES_NOT_AFTER_EFFECTIVE');
  });
  it('is lifted (解除)', () => {
    const { state } = active.when(lift()).then([lifted]);
    expect(state).toMatchObject({ status: 'lifted', liftedAt: later(2).toISOString() });
  });
  it('a real warning is not the drill coordinator’s to change or lift', () => {
    active
      .when({ type: 'LiftWarning', reason: 'x', authority: 'drill_only', now: later(1) })
      .thenThrows(DrillWarningsOnlyError, 'FORBIDDEN');
    active
      .when({ type: 'UpdateWarning', changes: { level: 'red' }, authority: 'drill_only', now: later(1) })
      .thenThrows(DrillWarningsOnlyError, 'FORBIDDEN');
  });
});

describe('a lifted warning', () => {
  const liftedWarning = warning.given([issued, lifted]);
  it('refuses adjustment and a second lift (409 WARNING_LIFTED)', () => {
    liftedWarning.when(update({ level: 'red' }, later(3))).thenThrows(WarningLiftedError, 'WARNING_LIFTED');
    liftedWarning.when(lift(later(3))).thenThrows(WarningLiftedError, 'WARNING_LIFTED');
  });
  it('reads as lifted even after its expiry', () => {
    expect(warningStatusAt('lifted', later(12), later(48))).toBe('lifted');
  });
});

describe('an expired warning', () => {
  const active = warning.given([issued]);
  it('refuses adjustment and lifting (409 WARNING_EXPIRED); expired is derived from the clock', () => {
    active.when(update({ level: 'red' }, later(13))).thenThrows(WarningExpiredError, 'WARNING_EXPIRED');
    active.when(lift(later(12))).thenThrows(WarningExpiredError, 'WARNING_EXPIRED');
    expect(warningStatusAt('active', later(12), later(11))).toBe('active');
    expect(warningStatusAt('active', later(12), later(12))).toBe('expired');
  });
});
