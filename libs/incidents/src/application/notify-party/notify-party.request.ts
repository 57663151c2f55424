import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant } from '@app/shared/nest';
import { NOTIFICATION_PARTIES, type NotificationParty } from '../../domain/incident/reporting-deadlines';
import { RecipientRequest } from '../shared/incident-fields.request';

/** 通知 one of the parties of 条例493 第十条. */
export class NotifyPartyRequest {
  @ApiProperty({
    enum: NOTIFICATION_PARTIES,
    description: '通知对象：本级人民政府、公安机关、人社（劳动保障）部门、工会、人民检察院',
  })
  @IsIn(NOTIFICATION_PARTIES, {
    message: 'party 须为 government、public_security、human_resources、trade_union 或 procuratorate',
  })
  party!: NotificationParty;

  @ApiProperty({ example: '电话', description: '通知方式' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  channel!: string;

  @ApiPropertyOptional({ description: '实际通知时间；默认当前时间' })
  @IsOptional()
  @IsInstant()
  notifiedAt?: string;

  @ApiPropertyOptional({ type: RecipientRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientRequest)
  recipient?: RecipientRequest;
}
