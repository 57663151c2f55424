import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import { EventRegistry, type LiveDelta, type Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { drillEvents, type DrillEvent } from '../../domain/drill/drill.events';
import { scenarioEvents, type ScenarioEvent } from '../../domain/scenario/scenario.events';
import { nextDueAt } from '../../domain/drill/drill.types';
import type { FailedInjectView } from '../../contract';
import { DrillRow, DrillScenarioRow } from './drill-register.entities';

/** Scripted injects no longer due: those that ran and those given up after failing. */
const done = (row: DrillRow): number[] => [
  ...row.executed,
  ...(row.failedInjects ?? []).filter((f) => f.skipped).map((f) => f.index),
];
import { toDrillView } from './drill.views';

/**
 * The drill register and the scenario library. Drill deltas carry `scope.drillId`, so they reach drill rooms only;
 * a `message` inject is also pushed to the participants as `drill.message`.
 */
export class DrillRegisterProjection implements Projection {
  readonly name = 'drill-register';
  readonly filter = { kind: 'category', categories: ['drill', 'scenario'] } as const;
  readonly events = EventRegistry.union(drillEvents, scenarioEvents);

  async apply(events: readonly Recorded<DrillEvent | ScenarioEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const drills = manager.getRepository(DrillRow);
    const deltas: LiveDelta[] = [];
    for (const event of events) {
      const position = formatPosition(event.position);
      if (event.type === 'ScenarioSaved') {
        const d = event.data;
        await manager.getRepository(DrillScenarioRow).save(
          Object.assign(new DrillScenarioRow(), {
            id: d.scenarioId,
            name: d.name,
            description: d.description,
            jurisdiction: d.jurisdiction,
            injects: d.injects,
            savedBy: d.savedBy,
            savedAt: new Date(d.savedAt),
            position,
          }),
        );
        continue;
      }
      const common = { revision: Number(event.revision), position };
      let row: DrillRow | null;
      if (event.type === 'DrillPlanned') {
        const d = event.data;
        row = Object.assign(new DrillRow(), {
          id: d.drillId,
          title: d.title,
          form: d.form,
          scope: d.scope,
          jurisdiction: d.jurisdiction,
          planId: d.planId,
          planVersion: d.planVersion,
          participants: d.participants,
          scenario: d.scenario,
          status: 'planned',
          plannedBy: d.plannedBy,
          plannedAt: new Date(d.plannedAt),
          startedAt: null,
          startedBy: null,
          endedAt: null,
          endedBy: null,
          executed: [],
          injects: [],
          failedInjects: [],
          teams: [],
          nextDueAt: null,
          ...common,
        });
      } else {
        row = await drills.findOneBy({ id: event.data.drillId });
        if (!row) continue;
        switch (event.type) {
          case 'DrillStarted':
            Object.assign(row, {
              status: 'running',
              startedAt: new Date(event.data.startedAt),
              startedBy: event.data.startedBy,
              ...common,
            });
            row.nextDueAt = nextDueAt(row.scenario, event.data.startedAt, done(row));
            break;
          case 'InjectExecuted': {
            const d = event.data;
            const executed = d.index === null ? row.executed : [...row.executed, d.index];
            Object.assign(row, {
              executed,
              injects: [
                ...row.injects,
                {
                  index: d.index,
                  kind: d.kind,
                  payload: d.payload,
                  executedAt: d.executedAt,
                  incidentId: d.incidentId,
                },
              ],
              ...common,
            });
            row.nextDueAt =
              row.status === 'running'
                ? nextDueAt(row.scenario, row.startedAt?.toISOString() ?? null, done(row))
                : null;
            if (d.kind === 'message') {
              deltas.push({
                name: 'drill.message',
                position,
                scope: { jurisdiction: row.jurisdiction, drillId: row.id },
                data: {
                  drillId: row.id,
                  index: d.index,
                  text: typeof d.payload.text === 'string' ? d.payload.text : '',
                  executedAt: d.executedAt,
                },
              });
            }
            break;
          }
          case 'InjectFailed': {
            const d = event.data;
            const failure: FailedInjectView = {
              index: d.index,
              attempts: d.attempt,
              reason: d.reason,
              code: d.code,
              lastFailedAt: d.failedAt,
              skipped: d.skipped,
            };
            row.failedInjects = [...(row.failedInjects ?? []).filter((f) => f.index !== d.index), failure].sort(
              (a, b) => a.index - b.index,
            );
            // Given up: the next one due is the one after it (it no longer holds the script back).
            if (d.skipped && row.status === 'running')
              row.nextDueAt = nextDueAt(row.scenario, row.startedAt?.toISOString() ?? null, done(row));
            Object.assign(row, common);
            break;
          }
          case 'TeamJoinedDrill': {
            const d = event.data;
            const others = (row.teams ?? []).filter((team) => team.teamId !== d.teamId);
            row.teams = [
              ...others,
              { teamId: d.teamId, name: d.teamName ?? d.teamId, since: d.at, status: 'in_drill', until: null },
            ];
            Object.assign(row, common);
            break;
          }
          case 'TeamRecalledFromDrill': {
            const d = event.data;
            row.teams = (row.teams ?? []).map((team) =>
              team.teamId === d.teamId && team.status === 'in_drill'
                ? { ...team, status: 'recalled', until: d.at }
                : team,
            );
            Object.assign(row, common);
            break;
          }
          case 'DrillEnded':
            // The end releases every team still in the drill (the drill-teams process gives them back).
            row.teams = (row.teams ?? []).map((team) =>
              team.status === 'in_drill' ? { ...team, status: 'released', until: event.data.endedAt } : team,
            );
            Object.assign(row, {
              status: 'ended',
              endedAt: new Date(event.data.endedAt),
              endedBy: event.data.endedBy,
              nextDueAt: null,
              ...common,
            });
            break;
          default:
            Object.assign(row, common);
            break;
        }
      }
      await drills.save(row);
      deltas.push({
        name: 'drill.changed',
        position,
        scope: { jurisdiction: row.jurisdiction, drillId: row.id },
        data: toDrillView(row),
      });
    }
    return deltas;
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate drills, drill_scenarios');
  }
}
