import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { SHELTER_LIMITS } from '../../domain/shelter/shelter.types';

/** 登记安置人数: how many people the shelter holds now. */
export class RecordOccupancyRequest {
  @ApiProperty({ example: 320, description: '当前安置人数（0 表示已全部离开）' })
  @IsInt({ message: 'occupants 须为整数' })
  @Min(0, { message: 'occupants 不能为负数' })
  @Max(SHELTER_LIMITS.capacity, { message: `occupants 不能超过 ${SHELTER_LIMITS.capacity}` })
  occupants!: number;

  @ApiPropertyOptional({ description: '所安置人员来自的事故编号' })
  @IsOptional()
  @IsUUID('all', { message: 'incidentId 须为事故编号（UUID）' })
  incidentId?: string;

  @ApiPropertyOptional({ example: '第二批群众转移到位（演示）' })
  @IsOptional()
  @IsString()
  @MaxLength(SHELTER_LIMITS.note)
  note?: string;
}
