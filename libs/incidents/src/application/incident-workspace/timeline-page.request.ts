import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A page of the timeline, newest first: `before` is the `nextBefore` of the page shown last. */
export class TimelinePageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '上一页的 nextBefore：只列更早的记录' })
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'before 须为上一页返回的 nextBefore' })
  before?: string;
}
