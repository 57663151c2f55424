import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@app/shared/nest';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The window both audit reads take (the event log's trail and the security event log); their page size and cursor
 * are the paging every list shares (`@Paged`, docs/api.md "Paging every list").
 */
export class AuditWindowQuery {
  @ApiPropertyOptional({ description: '起（含），ISO 8601 带时区' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: '止（不含），ISO 8601 带时区' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class AuditQueryRequest extends AuditWindowQuery {
  @ApiPropertyOptional({ description: '用户编号或用户名' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}
