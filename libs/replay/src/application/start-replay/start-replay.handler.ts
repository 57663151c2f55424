import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@app/shared';
import { EventActors } from '../history/event-actors';
import { IncidentHistoryReader } from '../history/incident-history.reader';
import { ReplayRegistry } from '../replays/replay.registry';
import type { StartReplayRequest } from './start-replay.request';

/** 复盘回放: an incident's or a drill's recorded events, re-emitted in this process at the speed asked. */
@Injectable()
export class StartReplayHandler {
  constructor(
    private readonly history: IncidentHistoryReader,
    private readonly replays: ReplayRegistry,
    private readonly actors: EventActors,
  ) {}

  async handle(body: StartReplayRequest, actor: Actor): Promise<{ replayId: string }> {
    if ((body.incidentId === undefined) === (body.drillId === undefined)) {
      const message = '须且只须提供 incidentId 或 drillId 之一';
      throw new DomainError('VALIDATION_FAILED', 'invalid', message, { errors: [{ path: 'incidentId', message }] });
    }
    const history = body.incidentId
      ? await this.history.incident(body.incidentId, actor)
      : await this.history.drill(body.drillId!, actor);
    const source = body.incidentId ? { incidentId: body.incidentId } : { drillId: body.drillId! };
    const actors = await this.actors.of(history.events);
    return { replayId: this.replays.create(source, body.speed, history, this.history.fold(), actor, actors) };
  }
}
