import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ExpertSpecialty } from '../../contract';
import { EXPERT_LIMITS, EXPERT_SPECIALTIES } from '../../domain/expert/expert.types';

/** The fields a change (PATCH) may name too; the jurisdiction is fixed when the expert enters the library. */
export class ExpertProfileFields {
  @ApiProperty({ example: '张三（演示专家）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXPERT_LIMITS.name)
  name!: string;

  @ApiProperty({ enum: EXPERT_SPECIALTIES, isArray: true, description: '专业领域' })
  @IsArray()
  @ArrayMinSize(1, { message: 'specialties 至少填写一个专业领域' })
  @ArrayMaxSize(EXPERT_LIMITS.specialties)
  @IsIn(EXPERT_SPECIALTIES, { each: true, message: 'specialties 须为已知的专业领域' })
  specialties!: ExpertSpecialty[];

  @ApiProperty({ example: '正高级工程师', description: '职称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXPERT_LIMITS.title)
  title!: string;

  @ApiProperty({ example: '宁夏某化工设计研究院（演示数据）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXPERT_LIMITS.organization)
  organization!: string;

  @ApiProperty({ example: '13995500000' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXPERT_LIMITS.phone)
  phone!: string;
}

/** 专家入库 (docs/experts.md). */
export class RegisterExpertRequest extends ExpertProfileFields {
  @ApiProperty({ example: '640500', description: '管理该专家条目的辖区代码' })
  @IsKnownJurisdiction()
  jurisdiction!: string;
}
