import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import type { DeviceKeyView, EnterpriseView } from '../../contract';
import { EnterpriseRegister } from '../../read-models/enterprise-register/enterprise-register.queries';
import { ListEnterprisesRequest } from './list-enterprises.request';

@QueryController('enterprises', { tag: 'enterprises' })
export class EnterpriseQueriesController {
  constructor(private readonly register: EnterpriseRegister) {}

  @QueryGet(undefined, { requires: 'enterprise.read', summary: '企业名录（本辖区及下级辖区）' })
  list(@Query() query: ListEnterprisesRequest, @CurrentActor() actor: Actor): Promise<EnterpriseView[]> {
    return this.register.list({ ...query, scope: actor.scope });
  }

  @QueryGet(':id', { requires: 'enterprise.read', summary: '企业详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<EnterpriseView> {
    return this.register.get(id, actor.scope);
  }

  @QueryGet(':id/device-keys', {
    requires: 'enterprise.device_keys',
    summary: '企业的设备密钥（不含密钥本身；已吊销的标明吊销时间）',
  })
  deviceKeys(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<DeviceKeyView[]> {
    return this.register.deviceKeys(id, actor.scope);
  }
}
