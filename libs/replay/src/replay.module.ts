import { Module } from '@nestjs/common';
import { IncidentHistoryReader } from './application/incident-history.reader';
import { IncidentStateController, ReplayController } from './application/replay.controller';
import { ReplayRegistry } from './application/replay.registry';

/** 复盘回放 (docs/domain.md rule 23): the state of an incident at any moment, and replays re-emitted on Socket.IO. */
@Module({
  controllers: [IncidentStateController, ReplayController],
  providers: [IncidentHistoryReader, ReplayRegistry],
  exports: [ReplayRegistry],
})
export class ReplayModule {}
