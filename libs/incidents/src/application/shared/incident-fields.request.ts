import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Nested parts of incident requests. Limits are generous but finite: no input may exhaust the server. */
export const MAX_PEOPLE = 1_000_000;

export class CasualtiesRequest {
  @ApiProperty({ description: '死亡人数', minimum: 0 }) @IsInt() @Min(0) @Max(MAX_PEOPLE) deaths!: number;
  @ApiProperty({ description: '失踪人数', minimum: 0 }) @IsInt() @Min(0) @Max(MAX_PEOPLE) missing!: number;
  @ApiProperty({ description: '重伤（含急性工业中毒）人数', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  seriousInjuries!: number;
  @ApiProperty({ description: '轻伤人数', minimum: 0 }) @IsInt() @Min(0) @Max(MAX_PEOPLE) minorInjuries!: number;
  @ApiProperty({ description: '被困人数', minimum: 0 }) @IsInt() @Min(0) @Max(MAX_PEOPLE) trapped!: number;
  @ApiPropertyOptional({ description: '涉险人数（21号令 第三条：10人以上为较大涉险事故）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  endangered?: number;
  @ApiPropertyOptional({ description: '紧急疏散人数（500人以上为较大涉险事故）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  evacuated?: number;
}

/** Who received a report or notification (单位、姓名). */
export class RecipientRequest {
  @ApiProperty({ description: '接收单位' }) @IsString() @IsNotEmpty() @MaxLength(200) unit!: string;
  @ApiProperty({ description: '接收人' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}

export class LocationRequest {
  @ApiProperty({ description: '事发地址' }) @IsString() @IsNotEmpty() @MaxLength(300) address!: string;
  @ApiProperty({ description: '纬度 (WGS 84)' }) @IsLatitude() lat!: number;
  @ApiProperty({ description: '经度 (WGS 84)' }) @IsLongitude() lng!: number;
}

export class ReporterRequest {
  @ApiProperty({ description: '报告人姓名' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ description: '联系电话' })
  @IsString()
  @Matches(/^[0-9+\-() ]{3,30}$/, { message: 'phone 须为电话号码' })
  phone!: string;
  @ApiProperty({ description: '报告单位' }) @IsString() @IsNotEmpty() @MaxLength(200) organization!: string;
}

export class OptionalCasualtiesRequest {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) deaths?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) missing?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) seriousInjuries?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) minorInjuries?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) trapped?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) endangered?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) evacuated?: number;
}
