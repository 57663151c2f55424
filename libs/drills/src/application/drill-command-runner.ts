import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { handleCommand, load, type CommandContext, type CommandResult } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, type Clock } from '@app/shared';
import type { DrillCommand, ScenarioCommand } from '../domain/drill.commands';
import { drillDecider, scenarioDecider } from '../domain/drill.decider';
import type { DrillEvent } from '../domain/drill.events';
import type { DrillState } from '../domain/drill.state';
import { drillStream, scenarioStream } from '../domain/drill.types';
import { DrillRow, DrillScenarioRow } from '../read-models/drill.entities';
import { toDrillView, toScenarioView, type DrillView, type ScenarioView } from '../read-models/drill.views';

export interface DrillCommandResponse extends Partial<Omit<DrillView, 'position' | 'revision'>> {
  id: string;
  revision: number;
  position: string | null;
  replayed: boolean;
}

/** map → load → decide → append (with retry), then waits for the drill register: read-your-writes. */
@Injectable()
export class DrillCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    private readonly dataSource: DataSource,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The drill as the store holds it now (the scheduler decides from this, not from a possibly lagging read model). */
  async load(drillId: string): Promise<{ state: DrillState; revision: bigint | undefined }> {
    const loaded = await load(this.store, drillDecider, drillStream(drillId));
    return { state: loaded.state, revision: loaded.revision };
  }

  async decide(drillId: string, command: DrillCommand, context: CommandContext): Promise<CommandResult<DrillState, DrillEvent>> {
    const result = await handleCommand({ store: this.store, clock: this.clock }, drillDecider, drillStream(drillId), command, context);
    if (result.position) await this.projections.waitFor('drill-register', result.position);
    return result;
  }

  async run(drillId: string, command: DrillCommand, context: CommandContext): Promise<DrillCommandResponse> {
    return this.respond(drillId, await this.decide(drillId, command, context));
  }

  async respond(drillId: string, result: CommandResult<DrillState, DrillEvent>): Promise<DrillCommandResponse> {
    const row = await this.dataSource.getRepository(DrillRow).findOneBy({ id: drillId });
    return {
      ...(row ? toDrillView(row) : {}),
      id: drillId,
      revision: Number(result.revision ?? -1),
      position: result.position ? formatPosition(result.position) : null,
      replayed: result.replayed,
    };
  }

  async runScenario(scenarioId: string, command: ScenarioCommand, context: CommandContext): Promise<ScenarioView & { replayed: boolean }> {
    const result = await handleCommand({ store: this.store, clock: this.clock }, scenarioDecider, scenarioStream(scenarioId), command, context);
    if (result.position) await this.projections.waitFor('drill-register', result.position);
    const row = await this.dataSource.getRepository(DrillScenarioRow).findOneByOrFail({ id: scenarioId });
    return { ...toScenarioView(row), replayed: result.replayed };
  }
}
