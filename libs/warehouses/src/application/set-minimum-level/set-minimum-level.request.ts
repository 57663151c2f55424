import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { MATERIAL_CODE, MATERIAL_CODE_MESSAGE, MAX_QUANTITY } from '../stock-line.request';

export class MinimumLevelRequest {
  @ApiProperty() @Matches(MATERIAL_CODE, { message: MATERIAL_CODE_MESSAGE }) materialCode!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) minimum!: number;
}
