import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import {
  CurrentActor,
  QueryController,
  QueryGet,
  uuidParam,
  ListPage,
  Paged,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import type { DeviceKeyView, EnterpriseView } from '../../contract';
import { EnterpriseRegister } from '../../read-models/enterprise-register/enterprise-register.queries';
import { ListEnterprisesRequest } from './list-enterprises.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const ENTERPRISE_PAGING: ListPaging<EnterpriseView> = {
  list: 'enterprises/1',
  order: 'jurisdiction-name',
  kinds: ['text', 'text', 'uuid'],
  keys: (e) => [e.jurisdiction, e.name, e.id],
  defaultLimit: 500,
  maxLimit: 500,
};

/** How the list pages (docs/api.md, "Paging every list"). */
const DEVICE_KEY_PAGING: ListPaging<DeviceKeyView> = {
  list: 'device-keys/1',
  order: 'issued-desc',
  kinds: ['bigint', 'text'],
  keys: (k) => [String(-Date.parse(k.issuedAt)), k.keyId],
  defaultLimit: 100,
  maxLimit: 100,
};

@QueryController('enterprises', { tag: 'enterprises' })
export class EnterpriseQueriesController {
  constructor(private readonly register: EnterpriseRegister) {}

  @Paged(ENTERPRISE_PAGING)
  @QueryGet(undefined, { requires: 'enterprise.read', summary: '企业名录（本辖区及下级辖区）' })
  list(
    @Query() query: ListEnterprisesRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<EnterpriseView[]> {
    return this.register.list({ ...query, scope: actor.scope }, page);
  }

  @QueryGet(':id', { requires: 'enterprise.read', summary: '企业详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<EnterpriseView> {
    return this.register.get(id, actor.scope);
  }

  @Paged(DEVICE_KEY_PAGING)
  @QueryGet(':id/device-keys', {
    requires: 'enterprise.device_keys',
    summary: '企业的设备密钥（不含密钥本身；已吊销的标明吊销时间）',
  })
  deviceKeys(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<DeviceKeyView[]> {
    return this.register.deviceKeys(id, actor.scope);
  }
}
