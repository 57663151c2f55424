import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { keysetWhere, type PageRequest } from '@app/shared/nest';
import type { AlarmKind, AlarmStatus } from '../../contract';
import { AlarmNotFoundError } from '../../domain/alarm/alarm.errors';
import { AlarmRow } from './alarm.entity';
import { toAlarmView, type AlarmView } from './alarm.views';

/** A list is bounded: an alarm centre with more open alarms than this has a bigger problem than paging. */
export const ALARM_LIST_LIMIT = 200;
const ALARM_STATUS_RANK_SQL = `case a.status when 'raised' then 0 when 'acknowledged' then 1 else 2 end`;

export interface AlarmFilter {
  status?: AlarmStatus;
  kind?: AlarmKind;
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
}

/** An open alarm as the watch needs it: which cause, since when, how far escalated. */
export interface OpenAlarm {
  id: string;
  sourceKey: string;
  kind: AlarmKind;
  status: AlarmStatus;
  jurisdiction: string;
  raisedAt: Date;
  escalationLevel: number;
}

/** Reads of the alarm centre; outside the actor's jurisdictions an alarm is not found, so existence does not leak. */
@Injectable()
export class AlarmQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  /** Most urgent first; without a status, the open ones (raised, then acknowledged) before the resolved. */
  async list(filter: AlarmFilter, page?: PageRequest): Promise<AlarmView[]> {
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    const qb = this.dataSource
      .getRepository(AlarmRow)
      .createQueryBuilder('a')
      .where({ jurisdiction: In(asked.filter((c) => filter.scope.includes(c))) })
      .orderBy(ALARM_STATUS_RANK_SQL, 'ASC')
      .addOrderBy('a.urgency', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(page?.fetch ?? ALARM_LIST_LIMIT);
    // The page's keys are the order's own (alarm-queries.controller.ts): status rank, urgency, id.
    if (page?.after) {
      const after = keysetWhere([ALARM_STATUS_RANK_SQL, 'a.urgency', 'a.id'], ['int', 'int', 'uuid'], page.after);
      qb.andWhere(after.sql, after.params);
    }
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    return (await qb.getMany()).map((row) => toAlarmView(row, this.jurisdictions));
  }

  async get(id: string, scope: readonly string[]): Promise<AlarmView> {
    const row = await this.dataSource.getRepository(AlarmRow).findOneBy({ id, jurisdiction: In([...scope]) });
    if (!row) throw new AlarmNotFoundError();
    return toAlarmView(row, this.jurisdictions);
  }

  /** The alarm as the centre shows it now, or undefined while it is not projected (a command's answer). */
  async find(id: string): Promise<AlarmView | undefined> {
    const row = await this.dataSource.getRepository(AlarmRow).findOneBy({ id });
    return row ? toAlarmView(row, this.jurisdictions) : undefined;
  }

  /** Every alarm not yet resolved: what the watch compares with the causes it sees now. */
  async open(): Promise<OpenAlarm[]> {
    return this.dataSource.getRepository(AlarmRow).find({
      select: ['id', 'sourceKey', 'kind', 'status', 'jurisdiction', 'raisedAt', 'escalationLevel'],
      where: { status: Not('resolved') },
    });
  }
}
