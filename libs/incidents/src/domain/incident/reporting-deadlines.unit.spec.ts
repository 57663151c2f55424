import {
  alarmOf,
  applyDeadlineFact,
  NATIONAL_PROFILE,
  STRICT_DEMO_PROFILE,
  type DeadlineFact,
  type Obligation,
} from './reporting-deadlines';

const occurredAt = '2026-11-23T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(occurredAt) + minutes * 60_000).toISOString();
const run = (facts: DeadlineFact[], profile = NATIONAL_PROFILE): Obligation[] =>
  facts.reduce<Obligation[]>((list, f) => applyDeadlineFact(list, f, profile), []);
const brief = (list: Obligation[]) => list.map((o) => `${o.kind}:${o.level}:${o.status}:${o.dueAt}`);

describe('reporting deadlines (docs/domain.md rules 3–6)', () => {
  it('a general accident: county within 1 h of the incident, city 2 h after that', () => {
    expect(brief(run([{ type: 'reported', occurredAt, grade: 'general' }]))).toEqual([
      `initial:county:pending:${at(60)}`,
      `initial:city:pending:${at(180)}`,
    ]);
  });

  it('goes as high as the grade requires', () => {
    expect(run([{ type: 'reported', occurredAt, grade: 'major' }]).map((o) => o.level)).toEqual([
      'county',
      'city',
      'province',
    ]);
    expect(run([{ type: 'reported', occurredAt, grade: 'serious' }]).map((o) => o.level)).toEqual([
      'county',
      'city',
      'province',
      'national',
    ]);
    expect(run([{ type: 'reported', occurredAt, grade: 'especially_serious' }]).map((o) => o.level)).toEqual([
      'county',
      'city',
      'province',
      'national',
    ]);
  });

  it('a report meets its level on time or late, and the next level is due 2 h after that report', () => {
    const list = run([
      { type: 'reported', occurredAt, grade: 'general' },
      { type: 'passedUp', level: 'county', at: at(40), by: '值班员甲' },
    ]);
    expect(brief(list)).toEqual([`initial:county:met:${at(60)}`, `initial:city:pending:${at(160)}`]);
    expect(list[0]).toMatchObject({ reportedBy: '值班员甲', reportedAt: at(40) });
    const late = run([
      { type: 'reported', occurredAt, grade: 'general' },
      { type: 'passedUp', level: 'county', at: at(61), by: 'x' },
    ]);
    expect(late[0]!.status).toBe('late');
  });

  it('skipping a level meets the levels below it too', () => {
    const list = run([
      { type: 'reported', occurredAt, grade: 'major' },
      { type: 'passedUp', level: 'city', at: at(30), by: 'x' },
    ]);
    expect(list.map((o) => `${o.level}:${o.status}`)).toEqual(['county:met', 'city:met', 'province:pending']);
    expect(list[2]!.dueAt).toBe(at(150));
  });

  it('a grade that rises adds the new levels, due from the change', () => {
    const list = run([
      { type: 'reported', occurredAt, grade: 'general' },
      { type: 'gradeRose', to: 'serious', at: at(90) },
    ]);
    expect(brief(list).slice(2)).toEqual([
      `escalation:province:pending:${at(210)}`,
      `escalation:national:pending:${at(330)}`,
    ]);
    expect(
      run([
        { type: 'reported', occurredAt, grade: 'major' },
        { type: 'gradeRose', to: 'major', at: at(5) },
      ]),
    ).toHaveLength(3);
  });

  it('casualty changes within 30 days (7 for road traffic and fire) require a supplementary report', () => {
    const base: DeadlineFact[] = [
      { type: 'reported', occurredAt, grade: 'general' },
      { type: 'passedUp', level: 'city', at: at(30), by: 'x' },
    ];
    const day = 1440;
    const within = run([
      ...base,
      { type: 'casualtiesChanged', at: at(29 * day), occurredAt, category: 'hazardous_chemicals' },
    ]);
    expect(within[2]).toMatchObject({
      kind: 'supplementary',
      level: 'city',
      status: 'pending',
      dueAt: at(29 * day + 120),
    });
    expect(
      run([...base, { type: 'casualtiesChanged', at: at(31 * day), occurredAt, category: 'hazardous_chemicals' }]),
    ).toHaveLength(2);
    expect(
      run([...base, { type: 'casualtiesChanged', at: at(8 * day), occurredAt, category: 'road_traffic' }]),
    ).toHaveLength(2);
    expect(run([...base, { type: 'casualtiesChanged', at: at(6 * day), occurredAt, category: 'fire' }])).toHaveLength(
      3,
    );
  });

  it('a stricter local profile shortens every deadline', () => {
    expect(brief(run([{ type: 'reported', occurredAt, grade: 'general' }], STRICT_DEMO_PROFILE))).toEqual([
      `initial:county:pending:${at(30)}`,
      `initial:city:pending:${at(90)}`,
    ]);
  });

  it('alarms: due from 10 minutes before, overdue after; none once met', () => {
    const [county] = run([{ type: 'reported', occurredAt, grade: 'general' }]);
    expect(alarmOf(county!, new Date(at(49)))).toBeUndefined();
    expect(alarmOf(county!, new Date(at(50)))).toBe('due');
    expect(alarmOf(county!, new Date(at(61)))).toBe('overdue');
    expect(alarmOf({ ...county!, status: 'met' }, new Date(at(61)))).toBeUndefined();
  });
});

describe('supplementary reports do not stack', () => {
  it('one pending supplementary obligation covers further casualty changes until it is met', () => {
    const facts: DeadlineFact[] = [
      { type: 'reported', occurredAt, grade: 'general' },
      { type: 'casualtiesChanged', at: at(10), occurredAt, category: 'other' },
      { type: 'casualtiesChanged', at: at(20), occurredAt, category: 'other' },
    ];
    expect(run(facts).filter((o) => o.kind === 'supplementary')).toHaveLength(1);
    const afterReport = run([
      ...facts,
      { type: 'passedUp', level: 'county', at: at(30), by: 'x' },
      { type: 'casualtiesChanged', at: at(40), occurredAt, category: 'other' },
    ]);
    expect(afterReport.filter((o) => o.kind === 'supplementary').map((o) => o.status)).toEqual(['met', 'pending']);
  });

  it('a whole incident on an injected clock: report, grade rising on a follow-up, reports on time and late, alarms at each moment', () => {
    const facts: DeadlineFact[] = [];
    const state = (minutes: number) => {
      const list = run(facts);
      const now = new Date(Date.parse(occurredAt) + minutes * 60_000);
      return list.map((o) => `${o.kind}:${o.level}:${o.status}:${alarmOf(o, now) ?? '-'}`);
    };
    facts.push({ type: 'reported', occurredAt, grade: 'general' });
    expect(state(45)).toEqual(['initial:county:pending:-', 'initial:city:pending:-']);
    expect(state(52)).toEqual(['initial:county:pending:due', 'initial:city:pending:-']);
    facts.push({ type: 'passedUp', level: 'county', at: at(55), by: '值班员甲' });
    expect(state(56)).toEqual(['initial:county:met:-', 'initial:city:pending:-']);
    // At +90 min a follow-up raises the grade to serious: province and national are added, each a step later.
    facts.push({ type: 'gradeRose', to: 'serious', at: at(90) });
    expect(state(91)).toEqual([
      'initial:county:met:-',
      'initial:city:pending:-',
      'escalation:province:pending:-',
      'escalation:national:pending:-',
    ]);
    expect(run(facts).map((o) => o.dueAt)).toEqual([at(60), at(175), at(210), at(330)]);
    expect(state(180)).toEqual([
      'initial:county:met:-',
      'initial:city:pending:overdue',
      'escalation:province:pending:-',
      'escalation:national:pending:-',
    ]);
    facts.push({ type: 'passedUp', level: 'city', at: at(185), by: '值班员乙' });
    // The city report was late; the province is now due 2 h after it, the national level 2 h after that.
    expect(state(186)).toEqual([
      'initial:county:met:-',
      'initial:city:late:-',
      'escalation:province:pending:-',
      'escalation:national:pending:-',
    ]);
    expect(
      run(facts)
        .slice(2)
        .map((o) => o.dueAt),
    ).toEqual([at(305), at(425)]);
    facts.push({ type: 'passedUp', level: 'province', at: at(240), by: '值班员乙' });
    // The province report re-times the national level to 2 h after it (+360 min): due from +350, overdue after +360.
    expect(state(352)).toEqual([
      'initial:county:met:-',
      'initial:city:late:-',
      'escalation:province:met:-',
      'escalation:national:pending:due',
    ]);
    expect(state(361).at(-1)).toBe('escalation:national:pending:overdue');
    expect(run(facts).map((o) => o.reportedBy)).toEqual(['值班员甲', '值班员乙', '值班员乙', null]);
  });
});
