import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { ROLL_CALL_DEFAULT_MINUTES, ROLL_CALL_MAX_MINUTES, ROLL_CALL_MIN_MINUTES } from '../../domain/duty.types';

/** 点名: the watches below the caller's jurisdiction that must answer. */
export class IssueRollCallRequest {
  @ApiProperty({ type: [String], example: ['640521', '640522'], description: '被点名的下级辖区' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsKnownJurisdiction({ each: true })
  jurisdictions!: string[];

  @ApiPropertyOptional({
    minimum: ROLL_CALL_MIN_MINUTES,
    maximum: ROLL_CALL_MAX_MINUTES,
    default: ROLL_CALL_DEFAULT_MINUTES,
    description: '应答时限（分钟）',
  })
  @IsOptional()
  @IsInt()
  @Min(ROLL_CALL_MIN_MINUTES)
  @Max(ROLL_CALL_MAX_MINUTES)
  ackWithinMinutes?: number;

  @ApiPropertyOptional({ example: '夜间在岗情况点名' }) @IsOptional() @IsString() @MaxLength(500) message?: string;
}
