import type { EntityManager } from 'typeorm';
import { GazetteerEntryRow } from './gazetteer-entry.entity';

/** A registered unit as intake should find it. */
export interface GazetteerEnterpriseEntry {
  enterpriseId: string;
  name: string;
  address: string;
  jurisdiction: string;
  lat: number;
  lng: number;
}

/**
 * The door through which a register of enterprises keeps its units in the gazetteer, inside its own projection's
 * transaction (so an entry and the register row it mirrors commit together). The incidents context owns the table
 * and its shape; the feeder only says what it knows. Rows carry `source` so that the feeder can rebuild its own
 * entries without touching the seeded ones.
 */
export const gazetteerFeed = {
  entryIdOf(source: string, enterpriseId: string): string {
    return `${source}-${enterpriseId}`;
  },

  async putEnterprise(manager: EntityManager, source: string, entry: GazetteerEnterpriseEntry): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(GazetteerEntryRow)
      .values({
        id: gazetteerFeed.entryIdOf(source, entry.enterpriseId),
        kind: 'enterprise',
        name: entry.name,
        address: entry.address,
        jurisdiction: entry.jurisdiction,
        lat: entry.lat,
        lng: entry.lng,
        // A registered position was recorded by the bureau for this unit, not placed by hand for a demo.
        approximate: false,
        enterpriseId: entry.enterpriseId,
        source,
      })
      .orUpdate(['name', 'address', 'jurisdiction', 'lat', 'lng', 'approximate', 'enterprise_id'], ['id'])
      .execute();
  },

  /** Empties a feeder's rows for a rebuild of its projection. */
  async removeSource(manager: EntityManager, source: string): Promise<void> {
    await manager.delete(GazetteerEntryRow, { source });
  },
};
