import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class DispatchTeamRequest {
  @ApiProperty({ description: '事故编号' }) @IsUUID() incidentId!: string;
  @ApiPropertyOptional({ description: '任务', example: '危化品堵漏、人员搜救' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  task?: string;
}
