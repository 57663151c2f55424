import { defineAggregate } from '@app/event-sourcing';
import { targetDocumentDecider } from '../domain/target-document/target-document.decider';

/**
 * A jurisdiction's target document for one year (考核目标): streams `targets-<jurisdiction>-<year>`; the caller next
 * reads the target documents. No `resource`: the document is read at /targets/<jurisdiction>/<year>, not at the id.
 */
export const targetDocumentAggregate = defineAggregate({
  category: 'targets',
  decider: targetDocumentDecider,
  readModels: ['target-documents'],
});
