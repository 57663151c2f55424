import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RetireHazardSourceRequest {
  @ApiProperty({ example: '储罐区拆除，物料清空' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
