import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import type { CommandContext } from '@app/event-sourcing';
import { IncidentBoardRow, IncidentCommandRunner, ReportIncidentCommand, ReportIncidentRequest, type IncidentCommandResponse } from '@app/incidents';
import { DomainError } from '@app/shared';
import type { DrillState } from '../domain/drill.state';
import type { InjectKind } from '../domain/drill.types';
import type { UpdateSituationPayload } from './drill.requests';

export type RunningDrill = Extract<DrillState, { drillId: string }>;

/**
 * Carries out one inject against the incidents context, through its own commands. Every side effect is keyed by
 * `key` (the drill and the inject), so running it again (a second scheduler, a tick after a crash) creates nothing new.
 */
@Injectable()
export class InjectExecutor {
  constructor(
    private readonly commands: CommandBus,
    private readonly incidents: IncidentCommandRunner,
    private readonly dataSource: DataSource,
  ) {}

  /** Returns the incident the inject reported or updated (null for a message). */
  async execute(drill: RunningDrill, kind: InjectKind, payload: Record<string, unknown>, key: string, context: CommandContext): Promise<string | null> {
    const keyed: CommandContext = { ...context, idempotencyKey: key, drillId: drill.drillId };
    delete keyed.requestHash;
    delete keyed.expectedRevision;
    switch (kind) {
      case 'report_incident': {
        const request = plainToInstance(ReportIncidentRequest, { ...payload, drillId: drill.drillId });
        const result: IncidentCommandResponse = await this.commands.execute(new ReportIncidentCommand(request, keyed));
        return result.id;
      }
      case 'update_situation': {
        const p = payload as UpdateSituationPayload;
        const incidentId = await this.drillIncident(drill, p.incidentRef !== undefined ? drill.incidentOf[p.incidentRef] : p.incidentId);
        await this.incidents.run(incidentId, {
          type: 'UpdateSituation',
          ...(p.casualties ? { casualties: { ...p.casualties } } : {}),
          ...(p.directLossYuan !== undefined ? { directLossYuan: p.directLossYuan } : {}),
          ...(p.description !== undefined ? { description: p.description } : {}),
          ...(p.measures !== undefined ? { measures: p.measures } : {}),
          now: this.incidents.now(),
          policyFor: (jurisdiction) => this.incidents.policyFor(jurisdiction),
        }, keyed);
        return incidentId;
      }
      case 'message':
        return null;
      default: {
        const unknownKind: never = kind;
        return unknownKind;
      }
    }
  }

  /** An incident of this drill: a drill never touches a real incident (nor another drill's). */
  async drillIncident(drill: RunningDrill, incidentId: string | undefined): Promise<string> {
    if (!incidentId) throw new DomainError('INCIDENT_REF_NOT_EXECUTED', 'conflict', '所引用的演练接报注入尚未执行');
    const row = await this.dataSource.getRepository(IncidentBoardRow).findOneBy({ id: incidentId });
    if (!row || row.drillId !== drill.drillId) throw new DomainError('NOT_A_DRILL_INCIDENT', 'rule', '只能对本次演练的演练事故注入或模拟处置', { incidentId });
    return incidentId;
  }
}
