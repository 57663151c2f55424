import type { WorkingDayCalendar } from './working-days';

/**
 * The calendar the system ships with. Each year is the State Council's notice on that year's holidays; a
 * deployment adds further years (or corrects one) in the table `working_day_calendars` (docs/domain.md rule 11a)
 * without a release. 2027 is not listed: its notice is published late in 2026 and must be copied from the notice
 * itself, not guessed.
 */
export const SHIPPED_WORKING_DAY_CALENDAR: WorkingDayCalendar = {
  2026: {
    year: 2026,
    source:
      '国务院办公厅关于2026年部分节假日安排的通知（https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm）',
    holidays: [
      // 元旦 1–3 January (Thursday–Saturday); Sunday 4 January is worked.
      '2026-01-01',
      '2026-01-02',
      // 春节 15–23 February (Sunday–Monday); Saturdays 14 and 28 February are worked.
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
      // 清明节 4–6 April (Saturday–Monday).
      '2026-04-06',
      // 劳动节 1–5 May (Friday–Tuesday); Saturday 9 May is worked.
      '2026-05-01',
      '2026-05-04',
      '2026-05-05',
      // 端午节 19–21 June (Friday–Sunday).
      '2026-06-19',
      // 中秋节 25–27 September (Friday–Sunday).
      '2026-09-25',
      // 国庆节 1–7 October (Thursday–Wednesday); Sunday 20 September and Saturday 10 October are worked.
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    workingWeekendDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
