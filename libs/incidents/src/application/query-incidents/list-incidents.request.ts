import { IsInstant, IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { GRADE_ORDER } from '../../domain/incident/accident-grade';
import { INCIDENT_CATEGORIES } from '../../domain/incident/incident.types';
import { BOARD_ORDERS, type BoardOrder } from '../../read-models/incident-board/board-cursor';

export class ListIncidentsRequest {
  @ApiPropertyOptional({ enum: ['open', 'closed', 'ended'], description: '`closed` 与 `ended` 同义（响应终止）' })
  @IsOptional()
  @IsIn(['open', 'closed', 'ended'])
  status?: string;

  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: GRADE_ORDER })
  @IsOptional()
  @IsIn([...GRADE_ORDER])
  grade?: string;

  @ApiPropertyOptional({ enum: Object.keys(INCIDENT_CATEGORIES), description: '事故类别' })
  @IsOptional()
  @IsIn(Object.keys(INCIDENT_CATEGORIES))
  category?: string;

  @ApiPropertyOptional({ description: '事故发生单位（已登记企业的编号）：该企业的事故' })
  @IsOptional()
  @IsUUID('all', { message: 'enterpriseId 须为企业编号（UUID）' })
  enterpriseId?: string;

  @ApiPropertyOptional({ description: '演练编号；不填时按 drill 参数' })
  @IsOptional()
  @IsUUID()
  drillId?: string;

  @ApiPropertyOptional({ enum: ['real', 'drill', 'all'], default: 'real', description: '真实事故、演练事故或全部' })
  @IsOptional()
  @IsIn(['real', 'drill', 'all'])
  drill?: 'real' | 'drill' | 'all';

  @ApiPropertyOptional({ description: '在标题、地点和企业名称中查找（空格分隔的词须全部出现）', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00', description: '接报时间起（含）' })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00', description: '接报时间止（不含）' })
  @IsOptional()
  @IsInstant()
  until?: string;

  @ApiPropertyOptional({
    enum: BOARD_ORDERS,
    default: 'occurred',
    description:
      '`occurred`：事故发生时间新者在前；`urgency`：未终止在前，再按逾期、最近到期的报告时限、等级、接报时间',
  })
  @IsOptional()
  @IsIn([...BOARD_ORDERS])
  order?: BoardOrder;

  @ApiPropertyOptional({ description: '下一页游标（取自上一页 Link 头，原样传回）', maxLength: 400 })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;

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
