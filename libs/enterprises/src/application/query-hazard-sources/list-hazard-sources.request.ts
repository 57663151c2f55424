import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

export class ListHazardSourcesRequest {
  @ApiPropertyOptional({ description: '辖区（含下级）' }) @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ enum: ['1', '2', '3', '4'], description: '重大危险源级别：1 一级 … 4 四级' })
  @IsOptional()
  @IsIn(['1', '2', '3', '4'])
  grade?: '1' | '2' | '3' | '4';
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true 只列重大危险源；false 只列未构成重大危险源的单元',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  major?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true 也列出已核销的单元' })
  @IsOptional()
  @IsIn(['true', 'false'])
  retired?: 'true' | 'false';
}
