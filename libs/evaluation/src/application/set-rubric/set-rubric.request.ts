import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class RubricAspectRequest {
  @ApiProperty({ example: 'response_command' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key 须为小写字母、数字和下划线' })
  key!: string;
  @ApiProperty({ example: '应急响应与指挥协调' }) @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
  @ApiProperty({ example: 25 }) @IsInt() @Min(1) @Max(1000) weight!: number;
  @ApiProperty({ example: 100 }) @IsInt() @Min(1) @Max(1000) maxScore!: number;
}
export class RubricRequest {
  @ApiProperty({ type: [RubricAspectRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RubricAspectRequest)
  aspects!: RubricAspectRequest[];
}
