import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ConclusionRequest {
  @ApiProperty({ example: '演练达到预期目的，预案基本可行；信息报告环节需加强。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;
}
