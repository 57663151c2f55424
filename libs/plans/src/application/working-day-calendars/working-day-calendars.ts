import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SHIPPED_WORKING_DAY_CALENDAR } from '../../domain/governance/cn-working-day-calendar';
import type { WorkingDayCalendar, WorkingDayYear } from '../../domain/governance/working-days';

interface CalendarRow {
  year: number;
  holidays: string[];
  working_weekend_days: string[];
  source: string;
}

/**
 * The holiday calendar in force: the years the code ships, with the years of `working_day_calendars` added or
 * replacing them (a deployment enters a new year's notice there; docs/domain.md rule 11a). Read on every use: the
 * table is a handful of rows and an entered year takes effect at once.
 */
@Injectable()
export class WorkingDayCalendars {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<WorkingDayCalendar> {
    // Dates as text: the driver would turn a `date` into a midnight in the server's zone.
    const rows: CalendarRow[] = await this.dataSource.query(
      `select year, holidays::text[] as holidays, working_weekend_days::text[] as working_weekend_days, source
         from working_day_calendars`,
    );
    const calendar: Record<number, WorkingDayYear> = { ...SHIPPED_WORKING_DAY_CALENDAR };
    for (const row of rows)
      calendar[row.year] = {
        year: row.year,
        holidays: row.holidays,
        workingWeekendDays: row.working_weekend_days,
        source: row.source,
      };
    return calendar;
  }
}
