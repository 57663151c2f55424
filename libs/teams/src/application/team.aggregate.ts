import { defineAggregate } from '@app/event-sourcing';
import { teamDecider } from '../domain/team/team.decider';

/** A rescue team (救援队伍): streams `team-<id>`; a command's caller next reads the availability board. */
export const teamAggregate = defineAggregate({
  category: 'team',
  decider: teamDecider,
  readModels: ['team-availability'],
  resource: 'teams',
});
