import type { EntityManager } from 'typeorm';

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
 * and its shape; the feeder only says what it knows. A registered position was recorded by the bureau for this unit
 * (not placed by hand for a demo), so the entry is not marked approximate. Rows carry `source` so that the feeder
 * can rebuild its own entries without touching the seeded ones.
 */
export const gazetteerFeed = {
  entryIdOf(source: string, enterpriseId: string): string {
    return `${source}-${enterpriseId}`;
  },

  async putEnterprise(manager: EntityManager, source: string, entry: GazetteerEnterpriseEntry): Promise<void> {
    // Plain SQL: the feeder's data source need not register this context's entities.
    await manager.query(
      `insert into gazetteer_entries (id, kind, name, address, jurisdiction, lat, lng, approximate, enterprise_id, source)
       values ($1, 'enterprise', $2, $3, $4, $5, $6, false, $7, $8)
       on conflict (id) do update set name = excluded.name, address = excluded.address,
         jurisdiction = excluded.jurisdiction, lat = excluded.lat, lng = excluded.lng,
         approximate = excluded.approximate, enterprise_id = excluded.enterprise_id`,
      [
        gazetteerFeed.entryIdOf(source, entry.enterpriseId),
        entry.name,
        entry.address,
        entry.jurisdiction,
        entry.lat,
        entry.lng,
        entry.enterpriseId,
        source,
      ],
    );
  },

  /** Empties a feeder's rows for a rebuild of its projection. */
  async removeSource(manager: EntityManager, source: string): Promise<void> {
    await manager.query(`delete from gazetteer_entries where source = $1`, [source]);
  },
};
