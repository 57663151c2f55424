import { fold } from '@app/event-sourcing';
import type { RollCallCommand } from './roll-call.commands';
import { decideRollCall, rollCallDecider } from './roll-call.decider';
import type { RollCallEvent } from './roll-call.events';

const ISSUED_AT = new Date('2026-11-22T10:00:00Z');
const plusSeconds = (s: number) => new Date(ISSUED_AT.getTime() + s * 1000);
const commander = { userId: 'c1', name: '赵指挥' };
const officer = { userId: 'd1', name: '钱值班' };
const issue = (overrides: Partial<Extract<RollCallCommand, { type: 'IssueRollCall' }>> = {}): RollCallCommand => ({
  type: 'IssueRollCall', rollCallId: 'r1', jurisdiction: '640500', targets: ['640521', '640522'], message: '夜间点名', ackWithinMinutes: 5, by: commander, now: ISSUED_AT, ...overrides,
});
const ack = (jurisdiction: string, seconds: number): RollCallCommand => ({ type: 'AcknowledgeRollCall', jurisdiction, by: officer, now: plusSeconds(seconds) });
const sweep = (seconds: number): RollCallCommand => ({ type: 'RecordMissedRollCalls', now: plusSeconds(seconds) });
const run = (history: RollCallEvent[], command: RollCallCommand) => decideRollCall(command, fold(rollCallDecider, history));
const given = (...commands: RollCallCommand[]) => commands.reduce<RollCallEvent[]>((events, c) => [...events, ...run(events, c)], []);

describe('roll call: issuing', () => {
  it('issues to the targets with a deadline', () => {
    expect(given(issue())).toEqual([expect.objectContaining({ type: 'RollCallIssued', data: expect.objectContaining({ targets: ['640521', '640522'], dueAt: '2026-11-22T10:05:00.000Z' }) })]);
  });

  it('refuses the calling jurisdiction itself, duplicates, no targets and a window outside 1–60 minutes', () => {
    for (const bad of [issue({ targets: ['640500'] }), issue({ targets: ['640521', '640521'] }), issue({ targets: [] }), issue({ ackWithinMinutes: 0 }), issue({ ackWithinMinutes: 61 })]) {
      expect(() => run([], bad)).toThrow(expect.objectContaining({ code: 'INVALID_ROLL_CALL' }));
    }
  });
});

describe('roll call: answering', () => {
  it('records who answered and how many seconds it took', () => {
    expect(run(given(issue()), ack('640521', 42))).toEqual([
      { type: 'RollCallAcknowledged', data: { rollCallId: 'r1', jurisdiction: '640521', acknowledgedBy: officer, acknowledgedAt: plusSeconds(42).toISOString(), secondsTaken: 42 } },
    ]);
  });

  it('refuses a second answer, a non-target, and an unknown roll call', () => {
    const answered = given(issue(), ack('640521', 10));
    expect(() => run(answered, ack('640521', 20))).toThrow(expect.objectContaining({ code: 'ROLL_CALL_ALREADY_ANSWERED' }));
    expect(() => run(answered, ack('640502', 20))).toThrow(expect.objectContaining({ code: 'NOT_ROLL_CALL_TARGET' }));
    expect(() => run([], ack('640521', 20))).toThrow(expect.objectContaining({ code: 'ROLL_CALL_NOT_FOUND' }));
  });

  it('refuses a late answer with ROLL_CALL_CLOSED, before and after the miss is recorded; the deadline itself still counts', () => {
    const history = given(issue());
    expect(run(history, ack('640521', 300))).toHaveLength(1);
    expect(() => run(history, ack('640521', 301))).toThrow(expect.objectContaining({ code: 'ROLL_CALL_CLOSED' }));
    const missed = [...history, ...run(history, sweep(400))];
    expect(() => run(missed, ack('640522', 200))).toThrow(expect.objectContaining({ code: 'ROLL_CALL_CLOSED' }));
  });
});

describe('roll call: missed', () => {
  it('records each unanswered target once, only after the deadline', () => {
    const history = given(issue(), ack('640521', 30));
    expect(run(history, sweep(300))).toEqual([]);
    const missed = run(history, sweep(301));
    expect(missed).toEqual([{ type: 'RollCallMissed', data: { rollCallId: 'r1', jurisdiction: '640522', dueAt: '2026-11-22T10:05:00.000Z', recordedAt: plusSeconds(301).toISOString() } }]);
    expect(run([...history, ...missed], sweep(500))).toEqual([]);
  });

  it('nothing to record for a roll call that does not exist', () => {
    expect(run([], sweep(1000))).toEqual([]);
  });
});
