import type { DataSource } from 'typeorm';
import type { CommandExecutor } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { incidentEntities, incidentProjections } from '@app/incidents';
import { DispatchProcessManager } from '@app/dispatch';
import { TeamAvailabilityQueries, teamEntities, teamProjections } from '@app/teams';
import { planEntities, planProjections } from '@app/plans';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { warningEntities, warningProjections } from '@app/warnings';
import { alarmEntities, alarmProjections } from '@app/alarms';
import { enterpriseEntities, enterpriseProjections } from '@app/enterprises';
import { hiddenHazardEntities, hiddenHazardProjections } from '@app/hidden-hazards';
import { expertEntities, expertProjections } from '@app/experts';
import { shelterEntities, shelterProjections } from '@app/shelters';
import { targetEntities, targetProjections } from '@app/targets';
import { monitoringEntities, monitoringProjections } from '@app/monitoring';
import { dutyEntities, dutyProjections } from '@app/duty';
import { drillEntities, drillProjections, DrillTeamsProcessManager } from '@app/drills';
import { identityEntities, UserDirectory } from '@app/identity';
import type { Clock, JurisdictionRegistry } from '@app/shared';

/** Nest token of the list the runner runs (`/health` reads their filters to count what each has still to apply). */
export const ALL_PROJECTIONS = Symbol('ALL_PROJECTIONS');

export interface ProjectionRegistryDeps {
  dataSource: DataSource;
  jurisdictions: JurisdictionRegistry;
  clock: Clock;
  /**
   * The executors of the process managers: the one write path without read-model waits (they run inside the runner
   * those waits need). The drill-teams process checks drill participation; the dispatch process writes no drill data.
   */
  dispatchExecutor: CommandExecutor;
  drillTeamsExecutor: CommandExecutor;
}

/**
 * Every projection and process manager of every context, in the order the runner starts them: the one list the API
 * runs and `projections:rebuild` / `restore` rebuild, so a projection added to a context cannot be forgotten by one
 * of them.
 */
export function allProjections(deps: ProjectionRegistryDeps): Projection[] {
  const { dataSource, jurisdictions, clock } = deps;
  return [
    ...incidentProjections(jurisdictions, new UserDirectory(dataSource)),
    ...teamProjections(jurisdictions),
    ...warehouseProjections(jurisdictions),
    ...dutyProjections(jurisdictions),
    ...planProjections(jurisdictions),
    ...drillProjections(),
    ...warningProjections(jurisdictions, clock),
    ...alarmProjections(jurisdictions),
    ...enterpriseProjections(jurisdictions),
    ...monitoringProjections(jurisdictions),
    ...hiddenHazardProjections(jurisdictions, clock),
    ...expertProjections(jurisdictions, new UserDirectory(dataSource)),
    ...shelterProjections(jurisdictions, new UserDirectory(dataSource)),
    ...targetProjections(jurisdictions, new UserDirectory(dataSource)),
    // Process managers ride on the same checkpointed runner: at-least-once delivery, idempotent steps.
    new DispatchProcessManager(deps.dispatchExecutor),
    new DrillTeamsProcessManager(deps.drillTeamsExecutor, new TeamAvailabilityQueries(dataSource, jurisdictions)),
  ];
}

/** Every table a projection writes through TypeORM, and the jurisdiction tree and users their views read. */
export const READ_MODEL_ENTITIES: (new () => object)[] = [
  ...incidentEntities,
  ...teamEntities,
  ...warehouseEntities,
  ...planEntities,
  ...dutyEntities,
  ...warningEntities,
  ...drillEntities,
  ...alarmEntities,
  ...enterpriseEntities,
  ...monitoringEntities,
  ...hiddenHazardEntities,
  ...expertEntities,
  ...shelterEntities,
  ...targetEntities,
  ...identityEntities,
];
