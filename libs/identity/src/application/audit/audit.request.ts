import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInstant } from '@app/shared/nest';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The window and page size both audit reads take (the event log's trail and the security event log). */
export class AuditWindowQuery {
  @ApiPropertyOptional({ description: '起（含），ISO 8601 带时区' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: '止（不含），ISO 8601 带时区' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditQueryRequest extends AuditWindowQuery {
  @ApiPropertyOptional({ description: '用户编号或用户名' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}
