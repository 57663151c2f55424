import { defineAggregate } from '@app/event-sourcing';
import { warningDecider } from '../domain/warning/warning.decider';

/**
 * An early warning (预警): streams `warning-<id>`; a command's caller next reads the warning board. A warning may be
 * drill data (issued with a drillId), so the executor checks every command after 发布 against the drill rules.
 */
export const warningAggregate = defineAggregate({
  category: 'warning',
  decider: warningDecider,
  readModels: ['warning-board'],
  resource: 'warnings',
  drillData: { kind: 'warning', createdBy: 'WarningIssued', createdWith: 'IssueWarning' },
});
