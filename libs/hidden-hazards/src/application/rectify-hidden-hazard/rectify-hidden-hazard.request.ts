import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RectifyHiddenHazardRequest {
  @ApiProperty({ example: '已更换阀门，3 台检测报警器已修复并接入监控中心，附照片' })
  @IsString()
  @Matches(/\S/, { message: '须说明整改完成情况（note）' })
  @MaxLength(4000)
  note!: string;
}
