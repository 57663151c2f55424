import { SHIPPED_WORKING_DAY_CALENDAR as calendar } from './cn-working-day-calendar';
import {
  drillGovernance,
  drillInterval,
  evaluationGovernance,
  filingGovernance,
  planGovernance,
  type GovernanceFacts,
} from './plan-governance';

describe('drill frequency', () => {
  it('条例708 第八条: a government’s plan is drilled at least every 2 years, counted from its first publication', () => {
    expect(drillGovernance('government', 'special', '2026-01-10', null, '2028-01-10')).toMatchObject({
      intervalMonths: 24,
      nextDueOn: '2028-01-10',
      state: 'not_due',
      daysLeft: 0,
    });
    expect(drillGovernance('government', 'special', '2026-01-10', null, '2028-01-11')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
    });
    expect(drillInterval('government', 'comprehensive').basis).toContain('第八条');
  });
  it('条例708 第八条: a high-risk unit’s plan at least every half year, counted from the last drill', () => {
    const last = drillGovernance('high_risk_unit', 'comprehensive', '2025-01-01', '2026-03-31', '2026-09-30');
    expect(last).toMatchObject({
      intervalMonths: 6,
      lastDrillOn: '2026-03-31',
      nextDueOn: '2026-09-30',
      state: 'not_due',
    });
    expect(drillGovernance('high_risk_unit', 'comprehensive', '2025-01-01', '2026-03-31', '2026-10-01').state).toBe(
      'overdue',
    );
  });
  it('预案办法 第三十三条: other units drill comprehensive and special plans every year, on-site plans every half year', () => {
    expect(drillGovernance('unit', 'special', '2026-02-28', null, '2027-02-28')).toMatchObject({
      intervalMonths: 12,
      nextDueOn: '2027-02-28',
      state: 'not_due',
    });
    expect(drillGovernance('unit', 'onsite', '2026-08-31', null, '2027-03-01')).toMatchObject({
      intervalMonths: 6,
      nextDueOn: '2027-02-28',
      state: 'overdue',
    });
  });
  it('a drill recorded before the plan’s publication does not move the clock back', () => {
    expect(drillGovernance('government', 'special', '2026-05-01', '2026-04-01', '2026-06-01').nextDueOn).toBe(
      '2028-05-01',
    );
  });
});

describe('evaluation (预案办法 第三十五条: at least every 3 years)', () => {
  it('is due 3 years after publication: on the day not overdue, the day after overdue', () => {
    expect(evaluationGovernance('2026-03-01', null, [], '2029-03-01')).toMatchObject({
      dueOn: '2029-03-01',
      state: 'not_due',
    });
    expect(evaluationGovernance('2026-03-01', null, [], '2029-03-02').state).toBe('overdue');
  });
  it('an evaluation restarts the 3 years; one before the publication in force does not', () => {
    expect(evaluationGovernance('2026-03-01', '2028-05-01', [], '2029-06-01')).toMatchObject({
      lastEvaluatedOn: '2028-05-01',
      dueOn: '2031-05-01',
      state: 'not_due',
    });
    expect(evaluationGovernance('2026-03-01', '2025-05-01', [], '2026-04-01').dueOn).toBe('2029-03-01');
  });
  it('a drill or incident finding since the last evaluation makes it due at once (预案办法 第三十六条)', () => {
    expect(evaluationGovernance('2026-03-01', null, ['2026-06-01'], '2026-06-02')).toMatchObject({
      state: 'due_after_finding',
      findings: 1,
      dueOn: '2029-03-01',
    });
  });
});

describe('filing deadline (预案办法 第二十六条)', () => {
  // Published Friday 18 September 2026: deadline Thursday 22 October (中秋, 国庆 and two 调休 days).
  it('is due until the deadline day and overdue the day after', () => {
    expect(filingGovernance('2026-09-18', null, '2026-10-22', calendar)).toMatchObject({
      deadline: '2026-10-22',
      state: 'due',
      daysLeft: 0,
      provisional: false,
    });
    expect(filingGovernance('2026-09-18', null, '2026-10-23', calendar)).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
    });
  });
  it('a filing is on time or late as it was recorded; an older one without the record is judged by its date', () => {
    expect(
      filingGovernance('2026-09-18', { filedOn: '2026-10-23', authority: '厅', late: true }, '2026-11-01', calendar),
    ).toMatchObject({ state: 'filed_late', filedOn: '2026-10-23', daysLeft: null });
    expect(
      filingGovernance('2026-09-18', { filedOn: '2026-10-22', authority: '厅' }, '2026-11-01', calendar).state,
    ).toBe('filed');
    expect(
      filingGovernance('2026-09-18', { filedOn: '2026-10-23', authority: '厅' }, '2026-11-01', calendar).state,
    ).toBe('filed_late');
  });
});

describe('a plan’s governance', () => {
  const facts: GovernanceFacts = {
    status: 'published',
    kind: 'special',
    ownerKind: 'government',
    publishedOn: '2026-09-18',
    firstPublishedOn: '2025-06-01',
    filing: null,
    lastEvaluatedOn: null,
    findingsSinceEvaluation: [],
    lastDrillOn: null,
  };
  it('a draft or a retired plan owes nothing', () => {
    expect(planGovernance({ ...facts, status: 'draft', publishedOn: null }, '2026-10-01', calendar)).toEqual({
      filing: null,
      evaluation: null,
      drill: null,
    });
    expect(planGovernance({ ...facts, status: 'retired' }, '2026-10-01', calendar).drill).toBeNull();
  });
  it('a plan in force: filing from the version in force, drills from the first publication', () => {
    const figures = planGovernance(facts, '2026-10-01', calendar);
    expect(figures.filing).toMatchObject({ deadline: '2026-10-22', state: 'due' });
    expect(figures.evaluation).toMatchObject({ dueOn: '2029-09-18', state: 'not_due' });
    expect(figures.drill).toMatchObject({ nextDueOn: '2027-06-01', state: 'not_due' });
  });
});
