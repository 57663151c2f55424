import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { InjectRequest } from '../injects/inject.request';

export class SaveScenarioRequest {
  @ApiProperty({ example: '储罐泄漏·伤亡上升' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ example: '640500' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiProperty({ type: [InjectRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InjectRequest)
  injects!: InjectRequest[];
}
