import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { CommandContext } from '@app/event-sourcing';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';

export class CloseIncidentRequest {
  @ApiProperty({ description: '终报 / 处置总结' }) @IsString() @IsNotEmpty() @MaxLength(10_000)
  summary!: string;
}

export class CloseIncidentCommand {
  constructor(
    readonly incidentId: string,
    readonly request: CloseIncidentRequest,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CloseIncidentCommand)
export class CloseIncidentCommandHandler implements ICommandHandler<CloseIncidentCommand, IncidentCommandResponse> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute({ incidentId, request, context }: CloseIncidentCommand): Promise<IncidentCommandResponse> {
    return this.runner.run(incidentId, { type: 'CloseIncident', summary: request.summary, now: this.runner.now() }, context);
  }
}
