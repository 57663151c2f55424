import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class DrillArrivalRequest {
  @ApiProperty({ description: '演练事故' }) @IsUUID() incidentId!: string;
  @ApiProperty({ description: '已模拟调派到该事故的队伍' }) @IsUUID() teamId!: string;
}
