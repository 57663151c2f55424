import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnterpriseRegister } from '@app/enterprises';
import { CLOCK, JURISDICTIONS, OutsideJurisdictionError, type Clock, type JurisdictionRegistry } from '@app/shared';
import type { OnlineRateView } from '../../contract';

interface Row {
  id: string;
  code: string;
  name: string;
  enterprise_id: string;
  jurisdiction: string;
  online: boolean | null;
  offline_since: Date | null;
}

/**
 * 在线监测监控率: active sensors online / active sensors, for a jurisdiction with everything below it, and per
 * enterprise with the offline sensors named. Retired sensors do not count.
 */
@Injectable()
export class OnlineRateReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterpriseRegister,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rate(jurisdiction: string, scope: readonly string[]): Promise<OnlineRateView> {
    if (!scope.includes(jurisdiction)) throw new OutsideJurisdictionError(jurisdiction);
    const codes = this.jurisdictions.descendants(jurisdiction).filter((c) => scope.includes(c));
    const rows = (await this.dataSource.query(
      `select s.id, s.code, s.name, s.enterprise_id, s.jurisdiction, l.online, l.offline_since
         from monitoring_sensors s left join monitoring_sensor_live l on l.sensor_id = s.id
        where s.status = 'active' and s.jurisdiction = any($1::text[])
        order by s.enterprise_id, s.code`,
      [codes],
    )) as Row[];
    const byEnterprise = new Map<string, Row[]>();
    for (const row of rows) {
      const list = byEnterprise.get(row.enterprise_id) ?? [];
      list.push(row);
      byEnterprise.set(row.enterprise_id, list);
    }
    const enterprises: OnlineRateView['enterprises'] = [];
    for (const [enterpriseId, sensors] of byEnterprise) {
      const enterprise = await this.enterprises.find(enterpriseId).catch(() => null);
      const online = sensors.filter((s) => s.online).length;
      enterprises.push({
        enterpriseId,
        enterpriseName: enterprise?.name ?? '未知企业',
        jurisdiction: enterprise?.jurisdiction ?? sensors[0]!.jurisdiction,
        sensors: sensors.length,
        online,
        rate: online / sensors.length,
        offline: sensors
          .filter((s) => !s.online)
          .map((s) => ({
            sensorId: s.id,
            code: s.code,
            name: s.name,
            offlineSince: s.offline_since?.toISOString() ?? null,
          })),
      });
    }
    // The worst first: a duty officer looks for who is not connected.
    enterprises.sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh'));
    const online = rows.filter((r) => r.online).length;
    return {
      jurisdiction,
      jurisdictionName: this.jurisdictions.get(jurisdiction)?.name ?? jurisdiction,
      at: this.clock.now().toISOString(),
      sensors: rows.length,
      online,
      rate: rows.length === 0 ? null : online / rows.length,
      enterprises,
    };
  }
}
