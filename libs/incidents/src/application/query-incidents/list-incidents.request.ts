import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { GRADE_ORDER } from '../../domain/incident/accident-grade';

export class ListIncidentsRequest {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: string;

  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: GRADE_ORDER })
  @IsOptional()
  @IsIn([...GRADE_ORDER])
  grade?: string;

  @ApiPropertyOptional({ description: '演练编号；不填时只列真实事故' })
  @IsOptional()
  @IsUUID()
  drillId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
