import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { UserDirectory } from '@app/identity';
import { IncidentLookup } from '@app/incidents';
import { EventActors } from './application/history/event-actors';
import { FoldCheckpoints } from './application/history/fold-checkpoints';
import { IncidentHistoryReader } from './application/history/incident-history.reader';
import { ReplayRegistry } from './application/replays/replay.registry';
import { StartReplayController } from './application/start-replay/start-replay.controller';
import { StartReplayHandler } from './application/start-replay/start-replay.handler';
import { IncidentStateController } from './application/state-at/incident-state.controller';
import { SteerReplayController } from './application/steer-replay/steer-replay.controller';

/** 复盘回放 (docs/domain.md rule 23): the state of an incident at any moment, and replays re-emitted on Socket.IO. */
@Module({
  imports: [CqrsModule],
  controllers: [IncidentStateController, StartReplayController, SteerReplayController],
  providers: [
    IncidentLookup,
    IncidentHistoryReader,
    ReplayRegistry,
    StartReplayHandler,
    EventActors,
    {
      provide: FoldCheckpoints,
      useFactory: (dataSource: DataSource) => new FoldCheckpoints(dataSource),
      inject: [DataSource],
    },
    // The identity context's directory of display names (a plain class over the database, as the timeline uses it).
    {
      provide: UserDirectory,
      useFactory: (dataSource: DataSource) => new UserDirectory(dataSource),
      inject: [DataSource],
    },
  ],
  exports: [ReplayRegistry],
})
export class ReplayModule {}
