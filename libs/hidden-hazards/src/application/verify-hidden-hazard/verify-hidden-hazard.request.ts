import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength } from 'class-validator';

export class VerifyHiddenHazardRequest {
  @ApiProperty({ description: 'true 验收通过；false 验收不通过，退回整改' })
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: '现场复核：报警器测试正常，验收通过' })
  @IsString()
  @Matches(/\S/, { message: '须写明验收意见（note）' })
  @MaxLength(4000)
  note!: string;
}
