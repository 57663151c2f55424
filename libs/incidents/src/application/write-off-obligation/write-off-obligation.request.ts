import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 核销: why the obligation is no longer owed (e.g. the grade fell). */
export class WriteOffObligationRequest {
  @ApiProperty({ description: '核销理由（如：经核实事故等级降为一般事故，无需上报省级）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
