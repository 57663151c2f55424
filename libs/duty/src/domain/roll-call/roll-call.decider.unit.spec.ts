import { spec } from '@app/event-sourcing/testing';
import type { RollCallCommand } from './roll-call.commands';
import { rollCallDecider } from './roll-call.decider';
import {
  InvalidRollCallError,
  NotRollCallTargetError,
  RollCallAlreadyAnsweredError,
  RollCallClosedError,
  RollCallNotFoundError,
} from '../duty.errors';
import type { RollCallEvent } from './roll-call.events';

const ISSUED_AT = new Date('2026-11-22T10:00:00Z');
const plusSeconds = (s: number) => new Date(ISSUED_AT.getTime() + s * 1000);
const commander = { userId: 'c1', name: '赵指挥' };
const officer = { userId: 'd1', name: '钱值班' };
const DUE_AT = '2026-11-22T10:05:00.000Z';
const issue = (overrides: Partial<Extract<RollCallCommand, { type: 'IssueRollCall' }>> = {}): RollCallCommand => ({
  type: 'IssueRollCall',
  rollCallId: 'r1',
  jurisdiction: '640500',
  targets: ['640521', '640522'],
  message: '夜间点名',
  ackWithinMinutes: 5,
  by: commander,
  now: ISSUED_AT,
  ...overrides,
});
const ack = (jurisdiction: string, seconds: number): RollCallCommand => ({
  type: 'AcknowledgeRollCall',
  jurisdiction,
  by: officer,
  now: plusSeconds(seconds),
});
const sweep = (seconds: number): RollCallCommand => ({ type: 'RecordMissedRollCalls', now: plusSeconds(seconds) });

// The history, as the stream would hold it.
const issued: RollCallEvent = {
  type: 'RollCallIssued',
  data: {
    rollCallId: 'r1',
    jurisdiction: '640500',
    targets: ['640521', '640522'],
    message: '夜间点名',
    ackWithinMinutes: 5,
    issuedBy: commander,
    issuedAt: ISSUED_AT.toISOString(),
    dueAt: DUE_AT,
  },
};
const acknowledged = (jurisdiction: string, seconds: number): RollCallEvent => ({
  type: 'RollCallAcknowledged',
  data: {
    rollCallId: 'r1',
    jurisdiction,
    acknowledgedBy: officer,
    acknowledgedAt: plusSeconds(seconds).toISOString(),
    secondsTaken: seconds,
  },
});
const missed = (jurisdiction: string, seconds: number): RollCallEvent => ({
  type: 'RollCallMissed',
  data: { rollCallId: 'r1', jurisdiction, dueAt: DUE_AT, recordedAt: plusSeconds(seconds).toISOString() },
});

const rollCall = spec(rollCallDecider);

describe('roll call: issuing', () => {
  it('issues to the targets with a deadline', () => {
    rollCall.when(issue()).then([issued]);
  });

  it('refuses the calling jurisdiction itself, duplicates, no targets and a window outside 1–60 minutes', () => {
    for (const bad of [
      issue({ targets: ['640500'] }),
      issue({ targets: ['640521', '640521'] }),
      issue({ targets: [] }),
      issue({ ackWithinMinutes: 0 }),
      issue({ ackWithinMinutes: 61 }),
    ]) {
      rollCall.when(bad).thenThrows(InvalidRollCallError, 'INVALID_ROLL_CALL');
    }
  });
});

describe('roll call: answering', () => {
  const open = rollCall.given([issued]);
  it('records who answered and how many seconds it took', () => {
    open.when(ack('640521', 42)).then([acknowledged('640521', 42)]);
  });

  it('refuses a second answer, a non-target, and an unknown roll call', () => {
    const answered = rollCall.given([issued, acknowledged('640521', 10)]);
    answered.when(ack('640521', 20)).thenThrows(RollCallAlreadyAnsweredError, 'ROLL_CALL_ALREADY_ANSWERED');
    answered.when(ack('640502', 20)).thenThrows(NotRollCallTargetError, 'NOT_ROLL_CALL_TARGET');
    rollCall.when(ack('640521', 20)).thenThrows(RollCallNotFoundError, 'ROLL_CALL_NOT_FOUND');
  });

  it('refuses a late answer with ROLL_CALL_CLOSED, before and after the miss is recorded; the deadline itself still counts', () => {
    open.when(ack('640521', 300)).then([acknowledged('640521', 300)]);
    open.when(ack('640521', 301)).thenThrows(RollCallClosedError, 'ROLL_CALL_CLOSED');
    rollCall
      .given([issued, missed('640521', 400), missed('640522', 400)])
      .when(ack('640522', 200))
      .thenThrows(RollCallClosedError, 'ROLL_CALL_CLOSED');
  });
});

describe('roll call: missed', () => {
  it('records each unanswered target once, only after the deadline', () => {
    const partlyAnswered = rollCall.given([issued, acknowledged('640521', 30)]);
    partlyAnswered.when(sweep(300)).thenNothing();
    partlyAnswered.when(sweep(301)).then([missed('640522', 301)]);
    rollCall
      .given([issued, acknowledged('640521', 30), missed('640522', 301)])
      .when(sweep(500))
      .thenNothing();
  });

  it('nothing to record for a roll call that does not exist', () => {
    rollCall.when(sweep(1000)).thenNothing();
  });
});
