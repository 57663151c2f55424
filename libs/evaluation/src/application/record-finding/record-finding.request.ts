import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class FindingRequest {
  @ApiProperty({ example: '警戒疏散组到场后 12 分钟才划定警戒区，预案未明确责任人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;
  @ApiPropertyOptional({ description: '记入该预案，下一版修订时一并处理' }) @IsOptional() @IsUUID() planId?: string;
}
