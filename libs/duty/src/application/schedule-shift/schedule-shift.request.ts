import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { IsInstant } from '@app/shared/nest';

export class DutyPersonRequest {
  @ApiProperty({ example: '王磊' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiPropertyOptional({ example: '0955-7012345' }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional({ description: '此人的系统账号（用户 id）：接班确认只能由班次点名的账号完成' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

/** 排班: one shift of a jurisdiction's watch, with its leader on duty (带班领导) and duty officers (值班员). */
export class ScheduleShiftRequest {
  @ApiProperty({ example: '640521' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiProperty({ type: DutyPersonRequest, description: '带班领导' })
  @IsDefined()
  @ValidateNested()
  @Type(() => DutyPersonRequest)
  leader!: DutyPersonRequest;
  @ApiProperty({ type: [DutyPersonRequest], description: '值班员' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DutyPersonRequest)
  officers!: DutyPersonRequest[];
  @ApiProperty({ example: '2026-11-22T08:30:00+08:00' }) @IsInstant() startsAt!: string;
  @ApiProperty({ example: '2026-11-23T08:30:00+08:00' }) @IsInstant() endsAt!: string;
}
