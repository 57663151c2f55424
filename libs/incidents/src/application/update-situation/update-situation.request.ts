import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OptionalCasualtiesRequest } from '../shared/incident-fields.request';
import { AtLeastOneOf } from '@app/shared/nest';

/** 续报: any of the figures that changed; casualty fields not sent keep their last reported value. */
@AtLeastOneOf(['casualties', 'directLossYuan', 'description', 'measures'])
export class UpdateSituationRequest {
  @ApiPropertyOptional({ type: OptionalCasualtiesRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => OptionalCasualtiesRequest)
  casualties?: OptionalCasualtiesRequest;

  @ApiPropertyOptional({ description: '直接经济损失（元）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  directLossYuan?: number;

  @ApiPropertyOptional({ description: '事态进展' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ description: '已采取的措施' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  measures?: string;
}
