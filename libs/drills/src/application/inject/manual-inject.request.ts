import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import { INJECT_KINDS } from '../../domain/drill/drill.types';

/** 无脚本演练: the coordinator injects by hand, now. */
export class ManualInjectRequest {
  @ApiProperty({ enum: Object.keys(INJECT_KINDS) }) @IsIn(Object.keys(INJECT_KINDS)) kind!: string;
  @ApiProperty() @IsObject() payload!: Record<string, unknown>;
}
