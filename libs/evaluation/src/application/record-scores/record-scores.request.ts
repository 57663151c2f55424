import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class AspectScoreRequest {
  @ApiProperty({ example: 'plan_fitness' }) @IsString() @IsNotEmpty() @MaxLength(40) aspect!: string;
  @ApiProperty({ example: 85 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
export class ScoresRequest {
  @ApiProperty({ type: [AspectScoreRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AspectScoreRequest)
  scores!: AspectScoreRequest[];
}
