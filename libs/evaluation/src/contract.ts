/**
 * What the evaluation context shows the outside world (演练评估): the evaluation the console works on and the
 * evaluation report as a document. Pure types, shared with the console (`import type` from
 * `@app/evaluation/contract`); nothing here runs.
 */

/** One aspect of the rubric (评估内容): its weight in the overall score and its maximum. */
export interface RubricAspectView {
  key: string;
  label: string;
  weight: number;
  maxScore: number;
}

export interface AspectScoreView {
  aspect: string;
  score: number;
  comment: string | null;
}

/** An evaluator's score sheet: `evaluator` is the sign-in name kept on the event, `evaluatorName` the person's name. */
export interface ScoreSheetView {
  evaluator: string;
  evaluatorName: string;
  scores: AspectScoreView[];
  recordedAt: string;
}

export interface FindingView {
  findingId: string;
  planId: string | null;
  /** The plan's title when the finding waits on a plan (null: not recorded against one, or the plan is not readable). */
  planTitle: string | null;
  text: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** 优秀 / 良好 / 合格 / 不合格, or `pending` while the drill runs or aspects are unscored. */
export type EvaluationVerdict = 'excellent' | 'good' | 'pass' | 'fail' | 'pending';

/** The computed conclusion (评估结论) with the rule it came from, in words. */
export interface EvaluationConclusionView {
  verdict: EvaluationVerdict;
  verdictLabel: string;
  overallPercent: number | null;
  /** Why the verdict is what it is (or why there is none yet). */
  reason: string;
  /** The rule, as printed in the report. */
  rule: string;
}

/** The evaluators' own conclusion text (评估组意见), the latest one recorded. */
export interface EvaluatorsConclusionView {
  text: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** A person who acted in the drill: name, unit and what they did there. */
export interface ParticipantView {
  name: string;
  unit: string;
  roles: string[];
}

/** GET /drills/{id}/evaluation: the names and words the screen needs beside the figures. */
export interface DrillEvaluationNames {
  title: string;
  formLabel: string;
  scopeLabel: string;
  jurisdictionName: string;
  organiser: string;
  planTitle: string | null;
  /** Participating units (参演单位) as planned, then the people who acted in the drill. */
  units: string[];
  people: ParticipantView[];
  /** Teams dispatched in the drill (simulated or real), by name. */
  teams: string[];
  /** The drill's time zone (IANA id) the times are shown in. */
  timeZone: string;
}

/** One official document: a title, who issues it, sections of text; rendered by the console and as HTML. */
export interface EvaluationDocument {
  title: string;
  /** Shown under the title: the issuing body and the document's date. */
  issuer: string;
  date: string;
  /** A draft note (演练进行中) when the drill has not ended; null for a final report. */
  draftNote: string | null;
  sections: DocumentSection[];
  /** 评估组（签字） and the names under it. */
  signature: { label: string; names: string[] };
}

export interface DocumentSection {
  heading: string;
  blocks: DocumentBlock[];
}

export type DocumentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'list'; items: string[] };

export interface MeasuredTaskView {
  taskId: string;
  title: string;
  group: string;
  level: string;
  addedAt: string;
  completedAt: string | null;
  seconds: number | null;
  withinMinutes: number | null;
  verdict: 'met' | 'late' | 'open' | null;
}

export interface MeasuredIncidentView {
  incidentId: string;
  title: string;
  reportedAt: string;
  reportToFirstDispatchSeconds: number | null;
  reportToFirstArrivalSeconds: number | null;
  reportToResponseLevelSeconds: number | null;
  reportToPlanActivationSeconds: number | null;
  tasks: MeasuredTaskView[];
  shortfalls: { materialCode: string; required: number; allocated: number; short: number }[];
}

/** What happened to one drill incident, in words the report prints (category, place, level, teams, materials). */
export interface IncidentWordsView {
  incidentId: string;
  categoryLabel: string;
  place: string;
  responseLevelLabel: string | null;
  teams: string[];
  /** Material names of the shortfalls, by code. */
  materials: Record<string, { name: string; unit: string }>;
}

/** One line of the scenario (演练情景): when after the start, and what was given. */
export interface ScenarioLineView {
  atSecond: number | null;
  kindLabel: string;
  text: string;
}

export interface DrillEvaluationView {
  drill: {
    drillId: string;
    title: string;
    form: string;
    scope: string;
    jurisdiction: string;
    planId: string | null;
    planVersion: number | null;
    startedAt: string | null;
    endedAt: string | null;
  };
  /** planned / running / ended: scores and the conclusion wait for the end. */
  status: 'planned' | 'running' | 'ended';
  names: DrillEvaluationNames;
  durationSeconds: number | null;
  incidents: MeasuredIncidentView[];
  incidentWords: IncidentWordsView[];
  scenario: ScenarioLineView[];
  overall: {
    reportToFirstDispatchSeconds: number | null;
    reportToFirstArrivalSeconds: number | null;
    reportToResponseLevelSeconds: number | null;
    reportToPlanActivationSeconds: number | null;
  };
  deadlines: { total: number; met: number; late: number; missed: number; pending: number };
  rubric: RubricAspectView[];
  scores: {
    byAspect: {
      aspect: string;
      label: string;
      weight: number;
      maxScore: number;
      evaluators: number;
      mean: number | null;
    }[];
    evaluators: number;
    overallPercent: number | null;
  };
  sheets: ScoreSheetView[];
  findings: FindingView[];
  conclusion: EvaluationConclusionView;
  evaluatorsConclusion: EvaluatorsConclusionView | null;
}
