import {
  alarmOf,
  applyDeadlineFact,
  isNearMiss,
  NATIONAL_21_PROFILE,
  NATIONAL_PROFILE,
  outsideStatisticalWindow,
  statusAt,
  STRICT_DEMO_PROFILE,
  type DeadlineFact,
  type Obligation,
} from './reporting-deadlines';
import type { AccidentGrade } from './accident-grade';

// The accident happened at 10:00; the unit's head learned of it at 10:00 and the bureau received it 3 hours later.
const occurredAt = '2026-11-23T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(occurredAt) + minutes * 60_000).toISOString();
const RECEIVED = 180;
const run = (facts: DeadlineFact[], profile = NATIONAL_PROFILE): Obligation[] =>
  facts.reduce<Obligation[]>((list, f) => applyDeadlineFact(list, f, profile), []);
const reports = (list: Obligation[]) => list.filter((o) => o.kind !== 'notification');
const brief = (list: Obligation[]) => reports(list).map((o) => `${o.kind}:${o.level}:${o.status}:${o.dueAt}`);
const reported = (grade: AccidentGrade, extra: Partial<Extract<DeadlineFact, { type: 'reported' }>> = {}) =>
  ({
    type: 'reported',
    receivedAt: at(RECEIVED),
    receivingLevel: 'county',
    grade,
    nearMiss: false,
    ...extra,
  }) as const satisfies DeadlineFact;
const passedUp = (level: 'county' | 'city' | 'province' | 'national', minutes: number, extra = {}) =>
  ({ type: 'passedUp', level, at: at(minutes), by: '值班员甲', grade: 'general', ended: false, ...extra }) as const;

describe('条例493 第九条: the unit reports within 1 hour of its head learning of it — a fact about the unit', () => {
  it('a unit that reported at 60 minutes is on time; at 61 it is late (企业迟报), and it never counts against the bureau', () => {
    const onTime = run([reported('general', { unitLearnedAt: at(0), unitReportedAt: at(60) })]);
    expect(onTime[0]).toMatchObject({ kind: 'unit', responsible: 'unit', status: 'met', dueAt: at(60) });
    const late = run([reported('general', { unitLearnedAt: at(0), unitReportedAt: at(61) })]);
    expect(late[0]).toMatchObject({ kind: 'unit', responsible: 'unit', status: 'late' });
    // The bureau's own obligations are untouched by the unit's lateness.
    expect(late.filter((o) => o.responsible === 'bureau').every((o) => o.status === 'pending')).toBe(true);
  });

  it("without the unit's report time the bureau's receipt bounds it; without the learning time nothing is judged", () => {
    expect(run([reported('general', { unitLearnedAt: at(0) })])[0]).toMatchObject({
      kind: 'unit',
      status: 'late',
      reportedAt: at(RECEIVED),
    });
    expect(run([reported('general')]).some((o) => o.kind === 'unit')).toBe(false);
  });
});

describe('条例493 第十一条: each authority passes it up within 2 hours of its own receipt', () => {
  it('an accident received 3 hours after it happened is not late at intake: the city is due 2 h after the receipt', () => {
    const list = run([reported('general')]);
    expect(brief(list)).toEqual([`initial:city:pending:${at(RECEIVED + 120)}`]);
    expect(statusAt(list[0]!, new Date(at(RECEIVED + 120)))).toBe('pending');
    expect(statusAt(list[0]!, new Date(Date.parse(at(RECEIVED + 120)) + 1))).toBe('overdue');
  });

  it('a report at the 120th minute is on time (按时); at the 121st it is late (迟报)', () => {
    expect(reports(run([reported('general'), passedUp('city', RECEIVED + 120)]))[0]!.status).toBe('met');
    expect(reports(run([reported('general'), passedUp('city', RECEIVED + 121)]))[0]!.status).toBe('late');
  });

  it('the next level runs from the report that reached the level below, not from the accident', () => {
    const list = run([reported('major'), passedUp('city', RECEIVED + 30)]);
    expect(brief(list)).toEqual([
      `initial:city:met:${at(RECEIVED + 120)}`,
      `initial:province:pending:${at(RECEIVED + 150)}`,
    ]);
    expect(list[0]).toMatchObject({ reportedBy: '值班员甲', reportedAt: at(RECEIVED + 30) });
  });

  it('a report to a level already met is a 续报: it never re-times the chain', () => {
    const first = run([reported('major'), passedUp('city', RECEIVED + 30)]);
    const again = run([reported('major'), passedUp('city', RECEIVED + 30), passedUp('city', RECEIVED + 100)]);
    expect(brief(again)).toEqual(brief(first));
  });

  it('a city bureau that takes the report itself owes nothing up for a general accident (its level is the top)', () => {
    expect(reports(run([reported('general', { receivingLevel: 'city' })]))).toEqual([]);
  });

  it('a stricter local profile shortens the step (地方规定: 30 minutes)', () => {
    expect(brief(run([reported('general')], STRICT_DEMO_PROFILE)).filter((b) => b.startsWith('initial'))).toEqual([
      `initial:city:pending:${at(RECEIVED + 30)}`,
    ]);
  });
});

describe('条例493 第十条: how high, skipping levels, and the parties to notify', () => {
  it('一般 → 设区的市级, 较大 → 省级, 重大 and 特别重大 → 国务院应急管理部门', () => {
    const levels = (g: AccidentGrade) => reports(run([reported(g)])).map((o) => o.level);
    expect(levels('general')).toEqual(['city']);
    expect(levels('major')).toEqual(['city', 'province']);
    expect(levels('serious')).toEqual(['city', 'province', 'national']);
    expect(levels('especially_serious')).toEqual(['city', 'province', 'national']);
  });

  it('越级上报: a report to a higher level meets the levels below it too', () => {
    const list = run([reported('serious'), passedUp('province', RECEIVED + 60)]);
    expect(brief(list)).toEqual([
      `initial:city:met:${at(RECEIVED + 120)}`,
      `initial:province:met:${at(RECEIVED + 240)}`,
      `initial:national:pending:${at(RECEIVED + 180)}`,
    ]);
  });

  it('notifications are their own checklist: one per party, met only by notifying that party', () => {
    const list = run([
      reported('general'),
      passedUp('city', RECEIVED + 10),
      { type: 'notified', party: 'public_security', at: at(RECEIVED + 121), by: '值班员乙', channel: '电话' },
    ]);
    const notes = list.filter((o) => o.kind === 'notification');
    expect(notes.map((o) => `${o.party}:${o.status}`)).toEqual([
      'government:pending',
      'public_security:late',
      'human_resources:pending',
      'trade_union:pending',
      'procuratorate:pending',
    ]);
    expect(notes[0]!.basis).toContain('第十条');
  });

  it('every obligation names its rule and legal source', () => {
    const list = run([reported('major', { unitLearnedAt: at(0) })], NATIONAL_21_PROFILE);
    expect(list.every((o) => o.basis.length > 10)).toBe(true);
    expect(list.find((o) => o.kind === 'unit')!.basis).toContain('第九条');
    expect(list.find((o) => o.kind === 'initial')!.basis).toContain('第十一条');
  });
});

describe('21号令 rules a profile turns on: 电话快报, 较大涉险事故, 续报 cadence until 终报', () => {
  it('电话快报 within 1 hour to the province for 较大 and above only, and only where the profile turns it on', () => {
    const express = (g: AccidentGrade, profile = NATIONAL_21_PROFILE) =>
      run([reported(g)], profile).filter((o) => o.kind === 'express');
    expect(express('general')).toEqual([]);
    expect(express('major')).toMatchObject([
      { level: 'province', channel: 'phone', dueAt: at(RECEIVED + 60), status: 'pending' },
    ]);
    expect(express('major', NATIONAL_PROFILE)).toEqual([]);
  });

  it('21号令 第三条 较大涉险事故: 10 endangered, 3 trapped or missing, 500 evacuated — each boundary inclusive', () => {
    const none = { missing: 0, trapped: 0 };
    expect(isNearMiss({ ...none, endangered: 9 })).toBe(false);
    expect(isNearMiss({ ...none, endangered: 10 })).toBe(true);
    expect(isNearMiss({ missing: 1, trapped: 1 })).toBe(false);
    expect(isNearMiss({ missing: 1, trapped: 2 })).toBe(true);
    expect(isNearMiss({ ...none, evacuated: 499 })).toBe(false);
    expect(isNearMiss({ ...none, evacuated: 500 })).toBe(true);
  });

  it('a 较大涉险事故 owes the 电话快报 although nobody died', () => {
    const list = run([reported('general', { nearMiss: true })], NATIONAL_21_PROFILE);
    expect(list.find((o) => o.kind === 'express')).toMatchObject({
      level: 'province',
      basis: expect.stringContaining('第三条'),
    });
    const later = run(
      [reported('general'), { type: 'nearMissReached', at: at(300), grade: 'general' }],
      NATIONAL_21_PROFILE,
    );
    expect(later.find((o) => o.kind === 'express')!.dueAt).toBe(at(360));
  });

  it('续报 daily for 一般 and 较大, twice a day for 重大 and above; each 续报 schedules the next', () => {
    const next = (g: AccidentGrade) =>
      run([reported(g)], NATIONAL_21_PROFILE).find((o) => o.kind === 'follow_up')!.dueAt;
    expect(next('major')).toBe(at(RECEIVED + 1440));
    expect(next('serious')).toBe(at(RECEIVED + 720));
    const first = run([reported('major'), passedUp('city', RECEIVED + 60, { grade: 'major' })], NATIONAL_21_PROFILE);
    // The first report to the city is the report itself, not yet a 续报.
    expect(first.find((o) => o.kind === 'follow_up')!.status).toBe('pending');
    const list = run(
      [
        reported('major'),
        passedUp('city', RECEIVED + 60, { grade: 'major' }),
        passedUp('city', RECEIVED + 600, { grade: 'major' }),
      ],
      NATIONAL_21_PROFILE,
    );
    expect(list.filter((o) => o.kind === 'follow_up').map((o) => `${o.status}:${o.dueAt}`)).toEqual([
      `met:${at(RECEIVED + 1440)}`,
      `pending:${at(RECEIVED + 600 + 1440)}`,
    ]);
  });

  it('响应终止 stops the cadence (a 续报 not yet due is no longer owed) and owes the 终报', () => {
    const list = run(
      [reported('major'), { type: 'responseEnded', at: at(RECEIVED + 300), grade: 'major', receivingLevel: 'county' }],
      NATIONAL_21_PROFILE,
    );
    expect(list.some((o) => o.kind === 'follow_up')).toBe(false);
    expect(list.find((o) => o.kind === 'final')).toMatchObject({ level: 'city', dueAt: at(RECEIVED + 420) });
  });
});

describe('条例493 第三条、第十条: a grade that rises adds obligations; one that falls lets them be written off', () => {
  it('a rise adds the new levels, due a step after the rise became known; 较大 and above also owe the 电话快报', () => {
    const list = run([reported('general'), { type: 'gradeRose', to: 'serious', at: at(300) }], NATIONAL_21_PROFILE);
    expect(brief(list).filter((b) => b.startsWith('escalation'))).toEqual([
      `escalation:province:pending:${at(420)}`,
      `escalation:national:pending:${at(540)}`,
    ]);
    expect(list.find((o) => o.kind === 'express')!.dueAt).toBe(at(360));
  });

  it('核销: a pending obligation written off with its reason is never counted as missed', () => {
    const base = run([reported('major')]);
    const province = base.find((o) => o.level === 'province')!;
    const list = run([
      reported('major'),
      { type: 'writtenOff', obligationId: province.id, reason: '等级降为一般事故', by: '指挥长', at: at(400) },
    ]);
    const written = list.find((o) => o.id === province.id)!;
    expect(written).toMatchObject({ status: 'written_off', writeOff: { reason: '等级降为一般事故', by: '指挥长' } });
    expect(statusAt(written, new Date(at(10_000)))).toBe('written_off');
  });
});

describe('条例493 第十三条: 补报 within 30 days (7 for road traffic and fire)', () => {
  const day = 1440;
  const base: DeadlineFact[] = [reported('general'), passedUp('city', RECEIVED + 30)];
  const change = (minutes: number, category: 'hazardous_chemicals' | 'road_traffic' | 'fire' | 'other') =>
    ({ type: 'casualtiesChanged', at: at(minutes), occurredAt, category, receivingLevel: 'county' }) as const;

  it('a change on day 30 owes a 补报 to the highest level reached; after day 30 it owes nothing', () => {
    const within = run([...base, change(30 * day, 'hazardous_chemicals')]);
    expect(within.find((o) => o.kind === 'supplementary')).toMatchObject({
      level: 'city',
      status: 'pending',
      dueAt: at(30 * day + 120),
      basis: expect.stringContaining('及时补报'),
    });
    expect(run([...base, change(30 * day + 1, 'hazardous_chemicals')]).some((o) => o.kind === 'supplementary')).toBe(
      false,
    );
  });

  it('road traffic and fire: 7 days', () => {
    expect(run([...base, change(7 * day, 'road_traffic')]).some((o) => o.kind === 'supplementary')).toBe(true);
    expect(run([...base, change(7 * day + 1, 'road_traffic')]).some((o) => o.kind === 'supplementary')).toBe(false);
    expect(run([...base, change(7 * day + 1, 'fire')]).some((o) => o.kind === 'supplementary')).toBe(false);
    expect(outsideStatisticalWindow(occurredAt, at(7 * day), 'fire')).toBe(false);
    expect(outsideStatisticalWindow(occurredAt, at(7 * day + 1), 'fire')).toBe(true);
  });

  it('one pending 补报 covers further changes until it is made', () => {
    const facts: DeadlineFact[] = [reported('general'), change(200, 'other'), change(210, 'other')];
    expect(run(facts).filter((o) => o.kind === 'supplementary')).toHaveLength(1);
    const afterReport = run([...facts, passedUp('county', 220), change(230, 'other')]);
    expect(afterReport.filter((o) => o.kind === 'supplementary').map((o) => o.status)).toEqual(['met', 'pending']);
  });
});

describe('条例493 第四条: alarms before and after the deadline (不得迟报、漏报)', () => {
  it('due from 10 minutes before, overdue after; none once met', () => {
    const [city] = reports(run([reported('general')]));
    const due = RECEIVED + 120;
    expect(alarmOf(city!, new Date(at(due - 11)))).toBeUndefined();
    expect(alarmOf(city!, new Date(at(due - 10)))).toBe('due');
    expect(alarmOf(city!, new Date(at(due + 1)))).toBe('overdue');
    expect(alarmOf({ ...city!, status: 'met' }, new Date(at(due + 1)))).toBeUndefined();
  });
});
