import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { GazetteerKind } from '../../contract';

export const GAZETTEER_KINDS: readonly GazetteerKind[] = ['town', 'subdistrict', 'park', 'enterprise', 'place'];

export class SearchGazetteerRequest {
  @ApiPropertyOptional({ description: '名称或地址的一部分（中文子串，不支持拼音）', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: GAZETTEER_KINDS })
  @IsOptional()
  @IsIn([...GAZETTEER_KINDS])
  kind?: GazetteerKind;

  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）；默认本人可见的全部辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
