import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class DrillTeamRequest {
  @ApiProperty({ description: '参演的真实队伍（须为本辖区、待命状态）' }) @IsUUID() teamId!: string;
}
