import { keysetWhere, pageKeysOf, withPageKeys, type PageRequest } from '@app/shared/nest';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UserNames } from '@app/identity';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { toCapAlert } from '../../domain/cap/cap-alert';
import type { CapAlert } from '../../domain/cap/cap.types';
import { WarningNotFoundError } from '../../domain/warning/warning.errors';
import type { WarningLevel, WarningStatus } from '../../domain/warning/warning.types';
import { WarningBoardRow } from './warning-board.entity';
import { toCapSource, toWarningView, type WarningView } from './warning.views';

const LIST_LIMIT = 500;

export interface WarningFilter {
  status?: WarningStatus;
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  level?: WarningLevel;
  /** Absent: real warnings only; given: that drill's warnings only (drill data never mixes into the real board). */
  drillId?: string;
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
}

/**
 * Reads of the warning board. `expired` is derived from `expires` against the clock when read. Outside the actor's
 * jurisdictions a warning is not found, so existence does not leak.
 */
@Injectable()
export class WarningBoardQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly userNames: UserNames,
  ) {}

  async list(filter: WarningFilter, page?: PageRequest): Promise<WarningView[]> {
    const now = this.clock.now();
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    // In force first (what the watch must act on), the most serious level first among them, newest first within;
    // the id last. Each key ascending (the newest as the negated millisecond), so the page after the cursor is one
    // row comparison in the database (docs/api.md, "Paging every list").
    const keys = [
      `(case when w.status = 'active' and w.expires > :now then 0 else 1 end)`,
      `(case w.level when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 else 3 end)`,
      `(-floor(extract(epoch from w.issued_at) * 1000))::bigint`,
      'w.id',
    ];
    const qb = this.dataSource
      .getRepository(WarningBoardRow)
      .createQueryBuilder('w')
      .where({ jurisdiction: In(asked.filter((c) => filter.scope.includes(c))) })
      .orderBy(keys[0]!, 'ASC')
      .addOrderBy(keys[1]!, 'ASC')
      .addOrderBy(keys[2]!, 'ASC')
      .addOrderBy(keys[3]!, 'ASC')
      .setParameter('now', now)
      .limit(page?.fetch ?? LIST_LIMIT);
    if (page?.after) {
      const after = keysetWhere(keys, ['int', 'int', 'bigint', 'uuid'], page.after);
      qb.andWhere(after.sql, after.params);
    }
    if (filter.drillId) qb.andWhere('w.drill_id = :drillId', { drillId: filter.drillId });
    else qb.andWhere('w.drill_id is null');
    if (filter.level) qb.andWhere('w.level = :level', { level: filter.level });
    if (filter.status === 'lifted') qb.andWhere(`w.status = 'lifted'`);
    if (filter.status === 'active') qb.andWhere(`w.status = 'active' and w.expires > :now`, { now });
    if (filter.status === 'expired') qb.andWhere(`w.status = 'active' and w.expires <= :now`, { now });
    // The view shows times to the second; the page's keys are the stored milliseconds.
    return this.named(
      (await qb.getMany()).map((row) =>
        withPageKeys(toWarningView(row, this.jurisdictions, now), [
          row.status === 'active' && row.expires.getTime() > now.getTime() ? '0' : '1',
          String(LEVEL_RANK[row.level] ?? 3),
          String(-row.issuedAt.getTime()),
          row.id,
        ]),
      ),
    );
  }

  async get(id: string, scope: readonly string[]): Promise<WarningView> {
    const [view] = await this.named([
      toWarningView(await this.visible(id, scope), this.jurisdictions, this.clock.now()),
    ]);
    return view!;
  }

  /** The latest message of the warning as a CAP 1.2 alert: Alert, then Update after 调整, Cancel after 解除. */
  async capAlert(id: string, scope: readonly string[]): Promise<CapAlert> {
    return toCapAlert(toCapSource(await this.visible(id, scope), this.jurisdictions));
  }

  /** The warning as the board shows it now, or undefined while it is not projected (a command's answer). */
  async find(id: string): Promise<WarningView | undefined> {
    const row = await this.dataSource.getRepository(WarningBoardRow).findOneBy({ id });
    return row ? (await this.named([toWarningView(row, this.jurisdictions, this.clock.now())]))[0] : undefined;
  }

  /**
   * The history names people as their colleagues know them: events record the sign-in name of who acted (the audit
   * trail's key), the board shows the display name; a name no account holds any more stays as recorded.
   */
  private async named(views: WarningView[]): Promise<WarningView[]> {
    const names = await this.userNames.byUsername(
      views.flatMap((v) => v.messages.map((m) => m.actor).filter((a): a is string => a !== null)),
    );
    if (names.size === 0) return views;
    return views.map((v) => {
      const named = {
        ...v,
        messages: v.messages.map((m) => (m.actor && names.has(m.actor) ? { ...m, actor: names.get(m.actor)! } : m)),
      };
      // The page's keys are not part of the JSON, so a copy carries them over itself.
      const keys = pageKeysOf(v);
      return keys ? withPageKeys(named, keys) : named;
    });
  }

  private async visible(id: string, scope: readonly string[]): Promise<WarningBoardRow> {
    const row = await this.dataSource.getRepository(WarningBoardRow).findOneBy({ id, jurisdiction: In([...scope]) });
    if (!row) throw new WarningNotFoundError();
    return row;
  }
}

/** The list's level order (red first), as in its SQL key. */
const LEVEL_RANK: Record<string, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };
