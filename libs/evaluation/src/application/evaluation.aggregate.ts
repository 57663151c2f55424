import { defineAggregate } from '@app/event-sourcing';
import { evaluationDecider } from '../domain/evaluation/evaluation';

/**
 * The evaluation of one drill: streams `evaluation-<drillId>`. No read model to wait for: the evaluation is read from
 * the streams themselves (drill-evaluation.reader.ts).
 */
export const evaluationAggregate = defineAggregate({
  category: 'evaluation',
  decider: evaluationDecider,
  readModels: [],
});
