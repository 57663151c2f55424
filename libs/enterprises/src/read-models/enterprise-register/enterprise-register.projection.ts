import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { gazetteerFeed } from '@app/incidents';
import { enterpriseEvents, type EnterpriseEvent } from '../../domain/enterprise/enterprise.events';
import {
  lockEnterpriseHazardCounts,
  refreshEnterpriseHazardCounts,
} from '../hazard-source-register/enterprise-hazard-counts';
import { EnterpriseDeviceKeyRow, EnterpriseRegisterRow } from './enterprise-register.entity';

/** The `source` of the gazetteer rows this register feeds. */
export const GAZETTEER_SOURCE = 'enterprise-register';

/**
 * The enterprise register, its device keys, and the register's entries in the incidents context's gazetteer (kind
 * `enterprise`). Writes only its own columns of `enterprise_register`: the hazard source register keeps
 * `hazard_source_count` and `highest_hazard_grade` up to date in the same row.
 */
export class EnterpriseRegisterProjection implements Projection<EnterpriseEvent> {
  readonly name = 'enterprise-register';
  readonly filter = { kind: 'category', categories: ['enterprise'] } as const;
  readonly events = enterpriseEvents;

  async apply(events: readonly Recorded<EnterpriseEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    // First, before any row of the batch is written: every event here writes an enterprise row the hazard source
    // register may update too (enterprise-hazard-counts.ts).
    await lockEnterpriseHazardCounts(manager);
    for (const event of events) await this.applyOne(event, manager);
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate enterprise_register, enterprise_device_keys');
    await gazetteerFeed.removeSource(manager, GAZETTEER_SOURCE);
  }

  private async applyOne(event: Recorded<EnterpriseEvent>, manager: EntityManager): Promise<void> {
    const stamp = { revision: Number(event.revision), position: formatPosition(event.position) };
    const register = manager.getRepository(EnterpriseRegisterRow);
    switch (event.type) {
      case 'EnterpriseRegistered': {
        const d = event.data;
        await manager
          .createQueryBuilder()
          .insert()
          .into(EnterpriseRegisterRow)
          .values({
            id: d.enterpriseId,
            name: d.name,
            creditCode: d.creditCode,
            industry: d.industry,
            jurisdiction: d.jurisdiction,
            address: d.address,
            lat: d.location.lat,
            lng: d.location.lng,
            principal: d.contacts.principal,
            safety: d.contacts.safety,
            hazardSourceCount: 0,
            highestHazardGrade: null,
            registeredAt: new Date(d.registeredAt),
            updatedAt: new Date(d.registeredAt),
            ...stamp,
          })
          .orIgnore()
          .execute();
        // Hazard sources the other projection already applied (a rebuild of this one) count at once.
        await refreshEnterpriseHazardCounts(manager, [d.enterpriseId]);
        await this.feedGazetteer(d.enterpriseId, manager);
        return;
      }
      case 'EnterpriseProfileUpdated': {
        const { location, contacts, ...plain } = event.data.changes;
        await register.update(
          { id: event.data.enterpriseId },
          {
            ...plain,
            ...(location ? { lat: location.lat, lng: location.lng } : {}),
            ...(contacts ? { principal: contacts.principal, safety: contacts.safety } : {}),
            updatedAt: new Date(event.data.updatedAt),
            ...stamp,
          },
        );
        await this.feedGazetteer(event.data.enterpriseId, manager);
        return;
      }
      case 'DeviceKeyIssued': {
        const d = event.data;
        await manager
          .createQueryBuilder()
          .insert()
          .into(EnterpriseDeviceKeyRow)
          .values({
            keyId: d.keyId,
            enterpriseId: d.enterpriseId,
            label: d.label,
            secretHash: d.secretHash,
            issuedAt: new Date(d.issuedAt),
            issuedBy: d.issuedBy,
            revokedAt: null,
            lastUsedAt: null,
          })
          .orIgnore()
          .execute();
        await register.update({ id: d.enterpriseId }, stamp);
        return;
      }
      case 'DeviceKeyRevoked': {
        const d = event.data;
        await manager
          .getRepository(EnterpriseDeviceKeyRow)
          .update({ keyId: d.keyId, enterpriseId: d.enterpriseId }, { revokedAt: new Date(d.revokedAt) });
        await register.update({ id: d.enterpriseId }, stamp);
        return;
      }
      default: {
        const unknownEvent: never = event;
        return unknownEvent;
      }
    }
  }

  private async feedGazetteer(enterpriseId: string, manager: EntityManager): Promise<void> {
    const row = await manager.getRepository(EnterpriseRegisterRow).findOneBy({ id: enterpriseId });
    if (!row) return;
    await gazetteerFeed.putEnterprise(manager, GAZETTEER_SOURCE, {
      enterpriseId: row.id,
      name: row.name,
      address: row.address,
      jurisdiction: row.jurisdiction,
      lat: row.lat,
      lng: row.lng,
    });
  }
}
