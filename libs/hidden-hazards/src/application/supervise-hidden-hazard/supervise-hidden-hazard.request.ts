import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { SupervisionLevel } from '../../contract';
import { SUPERVISION_LEVELS } from '../../domain/hidden-hazard/hidden-hazard.types';

export class SuperviseHiddenHazardRequest {
  @ApiProperty({
    enum: SUPERVISION_LEVELS,
    description: 'county 县级 / city 市级 / province 省级挂牌督办：本级或下级，且在隐患所在辖区的上级链上',
  })
  @IsIn(SUPERVISION_LEVELS)
  level!: SupervisionLevel;
}
