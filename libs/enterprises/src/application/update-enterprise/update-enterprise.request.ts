import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { AtLeastOneOf } from '@app/shared/nest';
import { EnterpriseContactRequest, EnterpriseProfileFields } from '../register-enterprise/register-enterprise.request';

/** Either person may change alone; `safety: null` removes the 安全负责人. */
export class EnterpriseContactsChangeRequest {
  @ApiPropertyOptional({ type: EnterpriseContactRequest, description: '主要负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseContactRequest)
  principal?: EnterpriseContactRequest;

  @ApiPropertyOptional({ type: EnterpriseContactRequest, nullable: true, description: '安全负责人；null 表示删除' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseContactRequest)
  safety?: EnterpriseContactRequest | null;
}

const CHANGEABLE = ['name', 'industry', 'address', 'location', 'contact', 'contacts'] as const;

/** 变更企业信息: any profile field; the 统一社会信用代码 and the jurisdiction are fixed at registration. */
@AtLeastOneOf(CHANGEABLE)
export class UpdateEnterpriseRequest extends PartialType(OmitType(EnterpriseProfileFields, ['contacts', 'contact'])) {
  @ApiPropertyOptional({ type: EnterpriseContactRequest, description: '主要负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseContactRequest)
  contact?: EnterpriseContactRequest;

  @ApiPropertyOptional({ type: EnterpriseContactsChangeRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseContactsChangeRequest)
  contacts?: EnterpriseContactsChangeRequest;
}
