import { IsInstant, IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Query strings arrive as text: a plain decimal becomes a number, anything else stays and fails the check. */
const decimal = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

export class NearbyIncidentsRequest {
  @ApiProperty({ description: '纬度', minimum: -90, maximum: 90 })
  @Transform(decimal)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ description: '经度', minimum: -180, maximum: 180 })
  @Transform(decimal)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;

  @ApiPropertyOptional({ description: '半径（米）', minimum: 1, maximum: 5000, default: 1000 })
  @IsOptional()
  @Transform(decimal)
  @IsInt()
  @Min(1)
  @Max(5000)
  radiusM?: number;

  @ApiPropertyOptional({ description: '只看此时间之后接报的事故；默认一小时前，最早 24 小时前' })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ description: '同一地址（如同一地名库条目）也算作附近，不论距离', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ description: '演练编号；不填时只看真实事故' })
  @IsOptional()
  @IsUUID()
  drillId?: string;
}
