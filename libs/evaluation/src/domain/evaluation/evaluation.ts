import { defineDecider, EventRegistry, unknownCase } from '@app/event-sourcing/events';
import { RubricLockedError, ScoreOutOfRubricError } from './evaluation.errors';
import { DEFAULT_RUBRIC, FIRST_DEFAULT_RUBRIC, type AspectScore, type RubricAspect, type ScoreSheet } from './rubric';

/** The evaluation of one drill (`evaluation-<drillId>`): its rubric, evaluators' score sheets and findings. */
export const evaluationStream = (drillId: string): string => `evaluation-${drillId}`;

export interface EvaluationFinding {
  findingId: string;
  planId: string | null;
  text: string;
  recordedBy: string;
  recordedAt: string;
}

export type EvaluationEvent =
  | { type: 'RubricSet'; data: { drillId: string; aspects: RubricAspect[]; setBy: string; setAt: string } }
  | { type: 'ScoresRecorded'; data: { drillId: string; evaluator: string; scores: AspectScore[]; recordedAt: string } }
  | { type: 'FindingRecorded'; data: { drillId: string; finding: EvaluationFinding } }
  | { type: 'ConclusionRecorded'; data: { drillId: string; text: string; recordedBy: string; recordedAt: string } };

/** Every EvaluationEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const evaluationEvents = EventRegistry.of<EvaluationEvent>({
  RubricSet: {},
  ScoresRecorded: {},
  FindingRecorded: {},
  ConclusionRecorded: {},
});

export type EvaluationCommand =
  | { type: 'SetRubric'; drillId: string; aspects: RubricAspect[]; by: string; now: Date }
  | { type: 'RecordScores'; drillId: string; evaluator: string; scores: AspectScore[]; now: Date }
  | {
      type: 'RecordFinding';
      drillId: string;
      finding: Omit<EvaluationFinding, 'recordedBy' | 'recordedAt'>;
      by: string;
      now: Date;
    }
  | { type: 'RecordConclusion'; drillId: string; text: string; by: string; now: Date };

export interface EvaluationState {
  rubric: readonly RubricAspect[];
  /** The rubric is on record (set, or pinned with the first score); until then the current default applies. */
  rubricPinned: boolean;
  sheets: readonly ScoreSheet[];
  findings: readonly EvaluationFinding[];
  /** The evaluators' own conclusion (评估组意见), the latest recorded. */
  conclusion: { text: string; recordedBy: string; recordedAt: string } | null;
}

export const initialEvaluationState: EvaluationState = {
  rubric: DEFAULT_RUBRIC,
  rubricPinned: false,
  sheets: [],
  findings: [],
  conclusion: null,
};

export function evolveEvaluation(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  switch (event.type) {
    case 'RubricSet':
      return { ...state, rubric: event.data.aspects, rubricPinned: true };
    case 'ScoresRecorded':
      return {
        ...state,
        // Scores recorded before any rubric was on record were given on the first default: it stays theirs.
        ...(state.rubricPinned ? {} : { rubric: FIRST_DEFAULT_RUBRIC, rubricPinned: true }),
        sheets: [
          ...state.sheets,
          { evaluator: event.data.evaluator, scores: event.data.scores, recordedAt: event.data.recordedAt },
        ],
      };
    case 'FindingRecorded':
      return { ...state, findings: [...state.findings, event.data.finding] };
    case 'ConclusionRecorded':
      return {
        ...state,
        conclusion: { text: event.data.text, recordedBy: event.data.recordedBy, recordedAt: event.data.recordedAt },
      };
    default:
      return unknownCase(event);
  }
}

/**
 * The rubric may change until the first score (then sheets would mean different things); a sheet scores aspects of
 * the rubric within their maxima; an evaluator may hand in a new sheet, which replaces theirs in the summary. The
 * first sheet on the default rubric puts that rubric on record with it, so a later change of the default leaves
 * this drill's evaluation as it was scored.
 */
export function decideEvaluation(command: EvaluationCommand, state: EvaluationState): EvaluationEvent[] {
  const at = command.now.toISOString();
  switch (command.type) {
    case 'SetRubric':
      if (state.sheets.length > 0) throw new RubricLockedError();
      return [
        {
          type: 'RubricSet',
          data: { drillId: command.drillId, aspects: command.aspects, setBy: command.by, setAt: at },
        },
      ];
    case 'RecordScores': {
      for (const s of command.scores) {
        const aspect = state.rubric.find((a) => a.key === s.aspect);
        if (!aspect) throw new ScoreOutOfRubricError(`评估指标中没有「${s.aspect}」`);
        if (s.score < 0 || s.score > aspect.maxScore)
          throw new ScoreOutOfRubricError(`「${aspect.label}」的得分须在 0 到 ${aspect.maxScore} 之间`);
      }
      const pin: EvaluationEvent[] = state.rubricPinned
        ? []
        : [
            {
              type: 'RubricSet',
              data: { drillId: command.drillId, aspects: [...state.rubric], setBy: command.evaluator, setAt: at },
            },
          ];
      return [
        ...pin,
        {
          type: 'ScoresRecorded',
          data: { drillId: command.drillId, evaluator: command.evaluator, scores: command.scores, recordedAt: at },
        },
      ];
    }
    case 'RecordFinding':
      return [
        {
          type: 'FindingRecorded',
          data: { drillId: command.drillId, finding: { ...command.finding, recordedBy: command.by, recordedAt: at } },
        },
      ];
    case 'RecordConclusion':
      return [
        {
          type: 'ConclusionRecorded',
          data: { drillId: command.drillId, text: command.text, recordedBy: command.by, recordedAt: at },
        },
      ];
    default:
      return unknownCase(command);
  }
}

export const evaluationDecider = defineDecider<EvaluationCommand, EvaluationEvent, EvaluationState>({
  events: evaluationEvents,
  initialState: initialEvaluationState,
  evolve: evolveEvaluation,
  decide: decideEvaluation,
});
