import { DomainError } from '@app/shared';
import type { HiddenHazardCommand, RecordHiddenHazard } from './hidden-hazard.commands';
import { decideHiddenHazard, FOUND_AT_SKEW_MS } from './hidden-hazard.decider';
import type { HiddenHazardEvent } from './hidden-hazard.events';
import { evolveHiddenHazard, initialHiddenHazardState, type HiddenHazardState } from './hidden-hazard.state';
import type { HiddenHazardActor, JurisdictionStep } from './hidden-hazard.types';

const NOW = new Date('2026-12-06T02:00:00Z');
const HOUR = 3600_000;
const ID = '11111111-1111-4111-8111-111111111111';

// The demo tree: 中宁县 (county) and 海原县 with its town 海城镇, 中卫工业园区 (park), all under 中卫市 (city).
const COUNTY_LINE: JurisdictionStep[] = [
  { code: '640521', level: 'county' },
  { code: '640500', level: 'city' },
];
const TOWN_LINE: JurisdictionStep[] = [
  { code: '640522100', level: 'town' },
  { code: '640522', level: 'county' },
  { code: '640500', level: 'city' },
];
const PARK_LINE: JurisdictionStep[] = [
  { code: '640571', level: 'park' },
  { code: '640500', level: 'city' },
];

const person = (jurisdiction: string): HiddenHazardActor => ({ id: `u-${jurisdiction}`, name: '测试', jurisdiction });
const CITY = person('640500');
const COUNTY = person('640521');

function recordCommand(overrides: Partial<RecordHiddenHazard> = {}): RecordHiddenHazard {
  return {
    type: 'RecordHiddenHazard',
    hiddenHazardId: ID,
    enterpriseId: '22222222-2222-4222-8222-222222222222',
    enterpriseName: '中宁某化工有限公司',
    jurisdiction: '640521',
    hazardSourceId: null,
    hazardSourceName: null,
    title: ' 液氨储罐区未设紧急切断装置 ',
    description: '现场检查发现',
    grade: 'major',
    standard: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
    source: 'inspection',
    foundAt: new Date(NOW.getTime() - HOUR),
    foundBy: '李检查',
    rectification: {
      measures: '加装紧急切断装置',
      deadline: new Date(NOW.getTime() + 72 * HOUR),
      responsible: { name: '张明', phone: ' ' },
    },
    actor: COUNTY,
    now: NOW,
    ...overrides,
  };
}

const fold = (events: HiddenHazardEvent[], from: HiddenHazardState = initialHiddenHazardState) =>
  events.reduce(evolveHiddenHazard, from);

/** Runs commands in order from nothing, each on the state the previous ones left. */
function run(...commands: HiddenHazardCommand[]): HiddenHazardState {
  let state = initialHiddenHazardState;
  for (const command of commands) state = fold(decideHiddenHazard(command, state), state);
  return state;
}

const supervise = (level: 'county' | 'city' | 'province', actor = CITY, line = COUNTY_LINE): HiddenHazardCommand => ({
  type: 'SuperviseHiddenHazard',
  level,
  line,
  actor,
  now: NOW,
});
const rectify = (actor = COUNTY): HiddenHazardCommand => ({
  type: 'RectifyHiddenHazard',
  note: '完成',
  actor,
  now: NOW,
});
const verify = (passed: boolean, actor = CITY, line = COUNTY_LINE): HiddenHazardCommand => ({
  type: 'VerifyHiddenHazard',
  passed,
  note: passed ? '通过' : '不通过',
  line,
  actor,
  now: NOW,
});
const close = (actor = CITY, line = COUNTY_LINE): HiddenHazardCommand => ({
  type: 'CloseHiddenHazard',
  line,
  actor,
  now: NOW,
});

function refusal(command: HiddenHazardCommand, state: HiddenHazardState): { code: string; kind: string } | null {
  try {
    decideHiddenHazard(command, state);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    return { code: error.code, kind: error.kind };
  }
}

describe('hidden hazard lifecycle (rule 32)', () => {
  const states: Record<string, HiddenHazardState> = {
    none: initialHiddenHazardState,
    rectifying: run(recordCommand()),
    rectified: run(recordCommand(), rectify()),
    verified: run(recordCommand(), rectify(), verify(true)),
    closed: run(recordCommand(), rectify(), verify(true), close()),
  };
  const commands: Record<string, HiddenHazardCommand> = {
    record: recordCommand(),
    supervise: supervise('city'),
    rectify: rectify(),
    'verify passed': verify(true),
    'verify failed': verify(false),
    close: close(),
  };
  const ok = null;
  const conflict = (code: string) => ({ code, kind: 'conflict' });
  // Every state × every command: what is allowed, and the 409 (or 404) each illegal one is refused with.
  const table: Record<string, Record<string, { code: string; kind: string } | null>> = {
    none: {
      record: ok,
      supervise: { code: 'HIDDEN_HAZARD_NOT_FOUND', kind: 'not_found' },
      rectify: { code: 'HIDDEN_HAZARD_NOT_FOUND', kind: 'not_found' },
      'verify passed': { code: 'HIDDEN_HAZARD_NOT_FOUND', kind: 'not_found' },
      'verify failed': { code: 'HIDDEN_HAZARD_NOT_FOUND', kind: 'not_found' },
      close: { code: 'HIDDEN_HAZARD_NOT_FOUND', kind: 'not_found' },
    },
    rectifying: {
      record: conflict('HIDDEN_HAZARD_ALREADY_RECORDED'),
      supervise: ok,
      rectify: ok,
      'verify passed': conflict('HIDDEN_HAZARD_NOT_RECTIFIED'),
      'verify failed': conflict('HIDDEN_HAZARD_NOT_RECTIFIED'),
      close: conflict('HIDDEN_HAZARD_NOT_VERIFIED'),
    },
    rectified: {
      record: conflict('HIDDEN_HAZARD_ALREADY_RECORDED'),
      supervise: ok,
      rectify: conflict('HIDDEN_HAZARD_NOT_RECTIFYING'),
      'verify passed': ok,
      'verify failed': ok,
      close: conflict('HIDDEN_HAZARD_NOT_VERIFIED'),
    },
    verified: {
      record: conflict('HIDDEN_HAZARD_ALREADY_RECORDED'),
      supervise: conflict('HIDDEN_HAZARD_ALREADY_VERIFIED'),
      rectify: conflict('HIDDEN_HAZARD_NOT_RECTIFYING'),
      'verify passed': conflict('HIDDEN_HAZARD_NOT_RECTIFIED'),
      'verify failed': conflict('HIDDEN_HAZARD_NOT_RECTIFIED'),
      close: ok,
    },
    closed: {
      record: conflict('HIDDEN_HAZARD_ALREADY_RECORDED'),
      supervise: conflict('HIDDEN_HAZARD_CLOSED'),
      rectify: conflict('HIDDEN_HAZARD_CLOSED'),
      'verify passed': conflict('HIDDEN_HAZARD_CLOSED'),
      'verify failed': conflict('HIDDEN_HAZARD_CLOSED'),
      close: conflict('HIDDEN_HAZARD_CLOSED'),
    },
  };
  const cases = Object.entries(table).flatMap(([state, row]) =>
    Object.entries(row).map(([command, expected]) => [state, command, expected] as const),
  );

  it('covers every state and every command', () => {
    expect(cases).toHaveLength(Object.keys(states).length * Object.keys(commands).length);
  });

  it.each(cases)('%s × %s', (state, command, expected) => {
    expect(states[state]!.status).toBe(state);
    expect(refusal(commands[command]!, states[state]!)).toEqual(expected);
  });

  it('moves through 整改 → 验收 → 销号, and a failed 验收 starts a new round of 整改', () => {
    const afterFailed = run(recordCommand(), rectify(), verify(false));
    expect(afterFailed).toMatchObject({ status: 'rectifying', round: 2 });
    const again = run(recordCommand(), rectify(), verify(false), rectify(), verify(false), rectify(), verify(true));
    expect(again).toMatchObject({ status: 'verified', round: 3 });
    expect(fold(decideHiddenHazard(close(), again), again)).toMatchObject({
      status: 'closed',
      closedAt: NOW.toISOString(),
    });
  });

  it('records trimmed text, the actor, and no phone for a blank one', () => {
    const [event] = decideHiddenHazard(recordCommand(), initialHiddenHazardState);
    expect(event).toMatchObject({
      type: 'HiddenHazardRecorded',
      data: {
        title: '液氨储罐区未设紧急切断装置',
        jurisdiction: '640521',
        grade: 'major',
        rectification: { responsible: { name: '张明', phone: null } },
        recordedAt: NOW.toISOString(),
        by: { id: 'u-640521', name: '测试' },
      },
    });
  });
});

describe('recording rules', () => {
  const refused = (overrides: Partial<RecordHiddenHazard>) =>
    refusal(recordCommand(overrides), initialHiddenHazardState);

  it('a major hidden hazard names its standard; a general one need not', () => {
    expect(refused({ standard: null })).toEqual({ code: 'HIDDEN_HAZARD_STANDARD_REQUIRED', kind: 'rule' });
    expect(refused({ standard: '   ' })).toEqual({ code: 'HIDDEN_HAZARD_STANDARD_REQUIRED', kind: 'rule' });
    expect(refused({ grade: 'general', standard: null })).toBeNull();
  });

  it('found no later than now (a clock difference of up to a minute tolerated)', () => {
    expect(refused({ foundAt: new Date(NOW.getTime() + FOUND_AT_SKEW_MS) })).toBeNull();
    expect(refused({ foundAt: new Date(NOW.getTime() + FOUND_AT_SKEW_MS + 1) })).toEqual({
      code: 'HIDDEN_HAZARD_FOUND_IN_FUTURE',
      kind: 'rule',
    });
  });

  it('the deadline is an instant after the finding', () => {
    const foundAt = new Date(NOW.getTime() - HOUR);
    const plan = (deadline: Date) => ({ measures: '整改', deadline, responsible: { name: '张明', phone: null } });
    expect(refused({ foundAt, rectification: plan(foundAt) })).toEqual({
      code: 'HIDDEN_HAZARD_DEADLINE_BEFORE_FOUND',
      kind: 'rule',
    });
    expect(refused({ foundAt, rectification: plan(new Date(foundAt.getTime() + 1)) })).toBeNull();
    // A deadline already past when recorded is allowed: the hazard is overdue at once.
    expect(refused({ foundAt, rectification: plan(new Date(NOW.getTime() - 1)) })).toBeNull();
  });
});

describe('挂牌督办 across levels', () => {
  const major = (line: JurisdictionStep[] = COUNTY_LINE) => run(recordCommand({ jurisdiction: line[0]!.code }));
  const supervised = (command: HiddenHazardCommand, state: HiddenHazardState) => {
    const [event] = decideHiddenHazard(command, state);
    return event?.type === 'HiddenHazardSupervised' ? event.data : undefined;
  };

  it('the supervising government is the ancestor at that level; own level or below only', () => {
    expect(supervised(supervise('county', COUNTY), major())).toMatchObject({ level: 'county', jurisdiction: '640521' });
    expect(supervised(supervise('county', CITY), major())).toMatchObject({ level: 'county', jurisdiction: '640521' });
    expect(supervised(supervise('city', CITY), major())).toMatchObject({ level: 'city', jurisdiction: '640500' });
    expect(refusal(supervise('city', COUNTY), major())).toEqual({
      code: 'HIDDEN_HAZARD_SUPERVISION_ABOVE_ACTOR',
      kind: 'forbidden',
    });
  });

  it('a hazard in a town is supervised by its county at county level; a town itself does not supervise', () => {
    const town = person('640522100');
    const haiyuan = person('640522');
    expect(supervised(supervise('county', haiyuan, TOWN_LINE), major(TOWN_LINE))).toMatchObject({
      jurisdiction: '640522',
    });
    expect(refusal(supervise('county', town, TOWN_LINE), major(TOWN_LINE))?.code).toBe(
      'HIDDEN_HAZARD_SUPERVISION_ABOVE_ACTOR',
    );
  });

  it('a park supervises at county level; a level missing from the line is refused', () => {
    expect(supervised(supervise('county', person('640571'), PARK_LINE), major(PARK_LINE))).toMatchObject({
      jurisdiction: '640571',
    });
    expect(refusal(supervise('province', CITY), major())).toEqual({
      code: 'HIDDEN_HAZARD_SUPERVISION_LEVEL_UNAVAILABLE',
      kind: 'rule',
    });
  });

  it('a jurisdiction off the line (a neighbouring county) never supervises', () => {
    expect(refusal(supervise('county', person('640522')), major())?.code).toBe('HIDDEN_HAZARD_SUPERVISION_ABOVE_ACTOR');
  });

  it('only upward: county → city; never the same level again or down', () => {
    const byCounty = run(recordCommand(), supervise('county', COUNTY));
    expect(refusal(supervise('county', CITY), byCounty)).toEqual({
      code: 'HIDDEN_HAZARD_SUPERVISION_NOT_UPWARD',
      kind: 'conflict',
    });
    const byCity = fold(decideHiddenHazard(supervise('city', CITY), byCounty), byCounty);
    expect(byCity).toMatchObject({ supervision: { level: 'city', jurisdiction: '640500' } });
    expect(refusal(supervise('county', CITY), byCity)?.code).toBe('HIDDEN_HAZARD_SUPERVISION_NOT_UPWARD');
    expect(refusal(supervise('city', CITY), byCity)?.code).toBe('HIDDEN_HAZARD_SUPERVISION_NOT_UPWARD');
  });

  it('general hidden hazards are not supervised', () => {
    expect(refusal(supervise('county', COUNTY), run(recordCommand({ grade: 'general', standard: null })))).toEqual({
      code: 'HIDDEN_HAZARD_NOT_MAJOR',
      kind: 'conflict',
    });
  });

  it('once the city supervises, a county can neither accept nor close; the city can', () => {
    const rectified = run(recordCommand(), supervise('city', CITY), rectify());
    const denied = { code: 'HIDDEN_HAZARD_SUPERVISED_ABOVE', kind: 'forbidden' };
    expect(refusal(verify(true, COUNTY), rectified)).toEqual(denied);
    expect(refusal(verify(false, COUNTY), rectified)).toEqual(denied);
    // Told it may not act, before being told what it would wait for.
    expect(refusal(close(COUNTY), rectified)).toEqual(denied);
    const verified = fold(decideHiddenHazard(verify(true, CITY), rectified), rectified);
    expect(refusal(close(COUNTY), verified)).toEqual(denied);
    expect(refusal(close(CITY), verified)).toBeNull();
    // Reporting the rectification stays with the county.
    expect(refusal(rectify(COUNTY), run(recordCommand(), supervise('city', CITY)))).toBeNull();
  });

  it('supervised by the county: the county and the city both accept and close; unsupervised: the county does', () => {
    const byCounty = run(recordCommand(), supervise('county', COUNTY), rectify());
    expect(refusal(verify(true, COUNTY), byCounty)).toBeNull();
    expect(refusal(verify(true, CITY), byCounty)).toBeNull();
    expect(refusal(verify(true, person('640522')), byCounty)?.code).toBe('HIDDEN_HAZARD_SUPERVISED_ABOVE');
    expect(refusal(verify(true, COUNTY), run(recordCommand(), rectify()))).toBeNull();
  });
});

describe('the rectification deadline: a failed 验收 may set a new one; 延期 while rectifying', () => {
  const DEADLINE = new Date(NOW.getTime() + 72 * HOUR);
  const extend = (deadline: Date, actor = COUNTY, now = NOW): HiddenHazardCommand => ({
    type: 'ExtendHiddenHazardDeadline',
    deadline,
    reason: ' 设备到货延迟 ',
    line: COUNTY_LINE,
    actor,
    now,
  });
  const failWith = (deadline: Date | null, passed = false, now = NOW): HiddenHazardCommand => ({
    type: 'VerifyHiddenHazard',
    passed,
    note: '联锁未投用',
    deadline,
    line: COUNTY_LINE,
    actor: CITY,
    now,
  });
  const deadlineOf = (state: HiddenHazardState) => (state.status === 'none' ? null : state.deadline);

  it('extends a rectifying hazard to a later deadline, with the reason, and the state follows', () => {
    const state = run(recordCommand());
    const later = new Date(DEADLINE.getTime() + 48 * HOUR);
    const events = decideHiddenHazard(extend(later), state);
    expect(events).toEqual([
      {
        type: 'HiddenHazardDeadlineExtended',
        data: {
          hiddenHazardId: ID,
          previousDeadline: DEADLINE.toISOString(),
          deadline: later.toISOString(),
          reason: '设备到货延迟',
          at: NOW.toISOString(),
          by: { id: COUNTY.id, name: COUNTY.name },
        },
      },
    ]);
    expect(deadlineOf(fold(events, state))).toBe(later.toISOString());
  });

  it('refuses a deadline not later than the current one, or not after now', () => {
    const state = run(recordCommand());
    expect(refusal(extend(DEADLINE), state)?.code).toBe('HIDDEN_HAZARD_DEADLINE_NOT_LATER');
    expect(refusal(extend(new Date(DEADLINE.getTime() - HOUR)), state)?.code).toBe('HIDDEN_HAZARD_DEADLINE_NOT_LATER');
    // Long overdue: a later deadline that still lies in the past would be overdue at once.
    const muchLater = new Date(DEADLINE.getTime() + 200 * HOUR);
    expect(refusal(extend(new Date(DEADLINE.getTime() + HOUR), COUNTY, muchLater), state)?.code).toBe(
      'HIDDEN_HAZARD_DEADLINE_NOT_AFTER_NOW',
    );
  });

  it('refuses 延期 when not rectifying, and on a closed hazard', () => {
    const later = new Date(DEADLINE.getTime() + HOUR);
    const rectified = run(recordCommand(), rectify());
    expect(refusal(extend(later), rectified)?.code).toBe('HIDDEN_HAZARD_NOT_RECTIFYING');
    const verified = fold(decideHiddenHazard(verify(true), rectified), rectified);
    expect(refusal(extend(later), verified)?.code).toBe('HIDDEN_HAZARD_NOT_RECTIFYING');
    const closed = fold(decideHiddenHazard(close(CITY), verified), verified);
    expect(refusal(extend(later), closed)?.code).toBe('HIDDEN_HAZARD_CLOSED');
  });

  it('a supervised hazard is extended only by the supervising level or above', () => {
    const later = new Date(DEADLINE.getTime() + HOUR);
    const supervised = run(recordCommand(), supervise('city', CITY));
    expect(refusal(extend(later, COUNTY), supervised)).toEqual({
      code: 'HIDDEN_HAZARD_SUPERVISED_ABOVE',
      kind: 'forbidden',
    });
    expect(refusal(extend(later, CITY), supervised)).toBeNull();
    expect(refusal(extend(later, COUNTY), run(recordCommand()))).toBeNull();
  });

  it('a failed 验收 may set the next round a deadline after now; without one the deadline stays', () => {
    const rectified = run(recordCommand(), rectify());
    const next = new Date(NOW.getTime() + 24 * HOUR);
    const events = decideHiddenHazard(failWith(next), rectified);
    expect(events[0]).toMatchObject({
      type: 'HiddenHazardVerified',
      data: { passed: false, deadline: next.toISOString() },
    });
    const sentBack = fold(events, rectified);
    expect(sentBack).toMatchObject({ status: 'rectifying', round: 2, deadline: next.toISOString() });
    const kept = fold(decideHiddenHazard(failWith(null), rectified), rectified);
    expect(deadlineOf(kept)).toBe(DEADLINE.toISOString());
    expect(refusal(failWith(new Date(NOW.getTime() - HOUR)), rectified)?.code).toBe(
      'HIDDEN_HAZARD_DEADLINE_NOT_AFTER_NOW',
    );
    expect(refusal(failWith(next, true), rectified)?.code).toBe('HIDDEN_HAZARD_DEADLINE_ON_PASSED');
  });
});
