import type { CommandContext } from '@app/event-sourcing';
import type { ReportIncidentRequest } from './report-incident.request';

export class ReportIncidentCommand {
  constructor(
    readonly request: ReportIncidentRequest,
    readonly context: CommandContext,
  ) {}
}
