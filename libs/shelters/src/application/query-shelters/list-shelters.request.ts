import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ShelterKind } from '../../contract';
import { SHELTER_KINDS } from '../../domain/shelter/shelter.types';

export class ListSheltersRequest {
  @ApiPropertyOptional({ description: '辖区代码：含其下级辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: SHELTER_KINDS })
  @IsOptional()
  @IsIn(SHELTER_KINDS, { message: 'kind 须为已知的避难场所类型' })
  kind?: ShelterKind;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true 只列出尚有空余的；false 只列出已满员的' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'hasRoom 须为 true 或 false' })
  hasRoom?: 'true' | 'false';
}
