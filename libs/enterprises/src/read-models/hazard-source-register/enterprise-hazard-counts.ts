import type { EntityManager } from 'typeorm';

/**
 * Sets each enterprise's `hazard_source_count` (its major hazard sources in use) and `highest_hazard_grade` (the most
 * severe, 1 = 一级) from the hazard source register. Computed from the rows rather than counted up and down, so it is
 * right whichever of the two projections runs first, concurrently or is rebuilt: the hazard source register calls it for the
 * enterprises a batch touched, the enterprise register when it inserts an enterprise.
 */
export async function refreshEnterpriseHazardCounts(
  manager: EntityManager,
  enterpriseIds: readonly string[],
): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await lockEnterpriseHazardCounts(manager);
  await manager.query(
    `update enterprise_register e
        set hazard_source_count = coalesce(h.n, 0), highest_hazard_grade = h.highest
       from (select id from unnest($1::uuid[]) as id) ids
       left join (
         select enterprise_id, count(*)::int as n, min(grade)::int as highest
           from hazard_source_register
          where is_major and retired_at is null and enterprise_id = any($1::uuid[])
          group by enterprise_id
       ) h on h.enterprise_id = ids.id
      where e.id = ids.id`,
    [[...new Set(enterpriseIds)]],
  );
}

/**
 * The two projections that call the refresh run in transactions of their own. Unserialised, each could count before
 * the other committed (the enterprise row inserted while its hazard source rows are still uncommitted, and the
 * reverse), and the counts would stay 0 for good. This lock, held until commit, makes the later of the two see what the
 * earlier wrote. Both projections take it first in every batch's transaction, before any row is written (a profile
 * update or a device key writes the enterprise row too), so that neither can hold an enterprise row while it waits
 * for the lock the other holds while updating that row; taking it again later in the transaction is free.
 */
export async function lockEnterpriseHazardCounts(manager: EntityManager): Promise<void> {
  await manager.query(`select pg_advisory_xact_lock(hashtext('enterprise_register.hazard_counts'))`);
}
