import type {
  DrillDueState,
  EvaluationDueState,
  FilingState,
  PlanKind,
  PlanOwnerKind,
  PlanStatus,
} from '../../contract';
import { addMonths, addWorkingDays, daysBetween, type WorkingDayCalendar } from './working-days';

/**
 * Plan governance (docs/domain.md rule 11a): the dates a plan's owner must keep after publication. Pure: the caller
 * brings the dates as calendar dates of the plan's jurisdiction and "today" in the same zone.
 */

/** 预案办法 第二十六条: filed within 20 working days of publication (公布之日起20个工作日内). */
export const FILING_WORKING_DAYS = 20;
/** 预案办法 第三十五条 and 国办发〔2024〕5号: evaluated at least every 3 years. */
export const EVALUATION_INTERVAL_MONTHS = 36;

export const PLAN_OWNER_KINDS = {
  government: '人民政府及其部门',
  high_risk_unit: '高危行业生产经营单位',
  unit: '其他生产经营单位',
} as const satisfies Readonly<Record<PlanOwnerKind, string>>;

/** Plans written before owners were recorded are the bureaus' own: governments' plans. */
export const DEFAULT_PLAN_OWNER: PlanOwnerKind = 'government';

export interface DrillInterval {
  months: number;
  basis: string;
}

/**
 * How often a plan must be drilled. 条例708 第八条: governments and their departments at least once every 2 years;
 * units dealing in dangerous goods, mines, metal smelting, urban rail, construction and crowded places at least every
 * half year. Other units: 预案办法 第三十三条 — comprehensive or special plans every year, on-site plans every half year.
 */
export function drillInterval(owner: PlanOwnerKind, kind: PlanKind): DrillInterval {
  if (owner === 'government') return { months: 24, basis: '《生产安全事故应急条例》第八条：至少每2年组织1次' };
  if (owner === 'high_risk_unit') return { months: 6, basis: '《生产安全事故应急条例》第八条：至少每半年组织1次' };
  return kind === 'onsite'
    ? { months: 6, basis: '《生产安全事故应急预案管理办法》第三十三条：现场处置方案每半年至少1次' }
    : { months: 12, basis: '《生产安全事故应急预案管理办法》第三十三条：综合或专项应急预案每年至少1次' };
}

export interface FilingFacts {
  filedOn: string;
  authority: string;
  /** What the filing recorded; older filings recorded neither, and are judged against the deadline here. */
  late?: boolean | null;
}

export interface GovernanceFacts {
  status: PlanStatus;
  kind: PlanKind;
  ownerKind: PlanOwnerKind;
  /** Publication date of the version in force (null: nothing in force). */
  publishedOn: string | null;
  /** The first publication of any version: drills are owed from then on. */
  firstPublishedOn: string | null;
  /** The filing of the version in force (a revised version published again must be filed again). */
  filing: FilingFacts | null;
  lastEvaluatedOn: string | null;
  /** Dates of the drill and incident findings recorded since the last evaluation and not yet addressed. */
  findingsSinceEvaluation: readonly string[];
  lastDrillOn: string | null;
}

export interface FilingGovernance {
  deadline: string;
  /** The deadline crosses a year the holiday calendar does not know. */
  provisional: boolean;
  state: FilingState;
  filedOn: string | null;
  authority: string | null;
  /** Working-day deadline minus today in calendar days (negative: overdue); null once filed. */
  daysLeft: number | null;
}

export interface EvaluationGovernance {
  lastEvaluatedOn: string | null;
  dueOn: string;
  state: EvaluationDueState;
  /** Findings that make an evaluation due before its 3 years are up. */
  findings: number;
}

export interface DrillGovernance {
  lastDrillOn: string | null;
  intervalMonths: number;
  basis: string;
  nextDueOn: string;
  state: DrillDueState;
  daysLeft: number;
}

export interface PlanGovernanceFigures {
  filing: FilingGovernance | null;
  evaluation: EvaluationGovernance | null;
  drill: DrillGovernance | null;
}

export function filingGovernance(
  publishedOn: string,
  filing: FilingFacts | null,
  today: string,
  calendar: WorkingDayCalendar,
): FilingGovernance {
  const { date: deadline, provisional } = addWorkingDays(publishedOn, FILING_WORKING_DAYS, calendar);
  if (filing) {
    const late = filing.late ?? filing.filedOn > deadline;
    return {
      deadline,
      provisional,
      state: late ? 'filed_late' : 'filed',
      filedOn: filing.filedOn,
      authority: filing.authority,
      daysLeft: null,
    };
  }
  const daysLeft = daysBetween(today, deadline);
  return {
    deadline,
    provisional,
    state: daysLeft < 0 ? 'overdue' : 'due',
    filedOn: null,
    authority: null,
    daysLeft,
  };
}

export function evaluationGovernance(
  publishedOn: string,
  lastEvaluatedOn: string | null,
  findingsSinceEvaluation: readonly string[],
  today: string,
): EvaluationGovernance {
  const base = lastEvaluatedOn && lastEvaluatedOn > publishedOn ? lastEvaluatedOn : publishedOn;
  const dueOn = addMonths(base, EVALUATION_INTERVAL_MONTHS);
  const state: EvaluationDueState =
    today > dueOn ? 'overdue' : findingsSinceEvaluation.length > 0 ? 'due_after_finding' : 'not_due';
  return { lastEvaluatedOn, dueOn, state, findings: findingsSinceEvaluation.length };
}

export function drillGovernance(
  owner: PlanOwnerKind,
  kind: PlanKind,
  firstPublishedOn: string,
  lastDrillOn: string | null,
  today: string,
): DrillGovernance {
  const { months, basis } = drillInterval(owner, kind);
  const base = lastDrillOn && lastDrillOn > firstPublishedOn ? lastDrillOn : firstPublishedOn;
  const nextDueOn = addMonths(base, months);
  const daysLeft = daysBetween(today, nextDueOn);
  return {
    lastDrillOn,
    intervalMonths: months,
    basis,
    nextDueOn,
    state: daysLeft < 0 ? 'overdue' : 'not_due',
    daysLeft,
  };
}

/** Everything due on one plan; a draft (nothing in force) or a retired plan owes nothing yet or any more. */
export function planGovernance(
  facts: GovernanceFacts,
  today: string,
  calendar: WorkingDayCalendar,
): PlanGovernanceFigures {
  if (facts.status === 'retired' || facts.publishedOn === null) return { filing: null, evaluation: null, drill: null };
  return {
    filing: filingGovernance(facts.publishedOn, facts.filing, today, calendar),
    evaluation: evaluationGovernance(facts.publishedOn, facts.lastEvaluatedOn, facts.findingsSinceEvaluation, today),
    drill: drillGovernance(
      facts.ownerKind,
      facts.kind,
      facts.firstPublishedOn ?? facts.publishedOn,
      facts.lastDrillOn,
      today,
    ),
  };
}

export const FILING_STATE_LABELS = {
  due: '待备案',
  overdue: '逾期未备案',
  filed: '已按期备案',
  filed_late: '逾期备案',
} as const satisfies Readonly<Record<FilingState, string>>;

export const EVALUATION_STATE_LABELS = {
  not_due: '未到评估期',
  due_after_finding: '应评估（演练或事故发现问题）',
  overdue: '逾期未评估',
} as const satisfies Readonly<Record<EvaluationDueState, string>>;

export const DRILL_DUE_STATE_LABELS = {
  not_due: '未到期',
  overdue: '逾期未演练',
} as const satisfies Readonly<Record<DrillDueState, string>>;

export const FILING_BASIS = '《生产安全事故应急预案管理办法》第二十六条：公布之日起20个工作日内备案';
export const EVALUATION_BASIS =
  '《生产安全事故应急预案管理办法》第三十五条、第三十六条：至少每3年评估一次，演练或事故发现问题后及时评估';
