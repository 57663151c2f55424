import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import { EventRegistry, type LiveDelta, type Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { drillEvents, type DrillEvent } from '../../domain/drill/drill.events';
import { scenarioEvents, type ScenarioEvent } from '../../domain/scenario/scenario.events';
import { nextDueAt } from '../../domain/drill/drill.types';
import { DrillRow, DrillScenarioRow } from './drill-register.entities';
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
            row.nextDueAt = nextDueAt(row.scenario, event.data.startedAt, row.executed);
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
              nextDueAt:
                row.status === 'running'
                  ? nextDueAt(row.scenario, row.startedAt?.toISOString() ?? null, executed)
                  : null,
              ...common,
            });
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
          case 'DrillEnded':
            Object.assign(row, {
              status: 'ended',
              endedAt: new Date(event.data.endedAt),
              endedBy: event.data.endedBy,
              nextDueAt: null,
              ...common,
            });
            break;
          default:
            // TeamJoinedDrill / TeamRecalledFromDrill: the teams' own read model shows them `in_drill` with the drill id.
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
