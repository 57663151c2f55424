import { SHIPPED_WORKING_DAY_CALENDAR as official } from './cn-working-day-calendar';
import { addMonths, addWorkingDays, daysBetween, localDate, workingDay, type WorkingDayCalendar } from './working-days';

const weekendsOnly: WorkingDayCalendar = {};

describe('working days (工作日) with the 2026 holiday calendar (国务院办公厅关于2026年部分节假日安排的通知)', () => {
  it('a statutory holiday on a weekday is not a working day; a 调休 weekend day is; an ordinary weekend is not', () => {
    expect(workingDay('2026-10-01', official)).toEqual({ working: false, known: true }); // 国庆, Thursday
    expect(workingDay('2026-02-23', official)).toEqual({ working: false, known: true }); // 春节, Monday
    expect(workingDay('2026-09-20', official)).toEqual({ working: true, known: true }); // 调休, Sunday
    expect(workingDay('2026-02-14', official)).toEqual({ working: true, known: true }); // 调休, Saturday
    expect(workingDay('2026-11-21', official)).toEqual({ working: false, known: true }); // Saturday
    expect(workingDay('2026-11-23', official)).toEqual({ working: true, known: true }); // Monday
  });
  it('a year the calendar does not know counts Monday to Friday and says so', () => {
    expect(workingDay('2027-01-01', official)).toEqual({ working: true, known: false }); // Friday
    expect(workingDay('2027-01-02', official)).toEqual({ working: false, known: false }); // Saturday
  });
  it('the day of publication is not counted (《民法典》第二百零一条): one working day after a Monday is the Tuesday', () => {
    expect(addWorkingDays('2026-11-23', 1, official)).toEqual({ date: '2026-11-24', provisional: false });
    expect(addWorkingDays('2026-11-27', 1, official)).toEqual({ date: '2026-11-30', provisional: false }); // Fri → Mon
  });
  it('预案办法 第二十六条 20 working days: four plain weeks after a Monday end on the fifth Monday', () => {
    expect(addWorkingDays('2026-11-02', 20, official)).toEqual({ date: '2026-11-30', provisional: false });
  });
  it('预案办法 第二十六条 20 working days across 中秋 and 国庆, counting the 调休 Sunday 20 Sep and Saturday 10 Oct', () => {
    expect(addWorkingDays('2026-09-18', 20, official).date).toBe('2026-10-22');
    // Without the holidays the deadline would fall six days earlier.
    expect(addWorkingDays('2026-09-18', 20, weekendsOnly).date).toBe('2026-10-16');
  });
  it('预案办法 第二十六条 20 working days across 春节 (15–23 Feb) with the 调休 Saturdays 14 and 28 Feb', () => {
    expect(addWorkingDays('2026-02-06', 20, official)).toEqual({ date: '2026-03-12', provisional: false });
  });
  it('预案办法 第二十六条 20 working days across 元旦: 1–2 Jan off, Sunday 4 Jan worked', () => {
    // Counting starts on 1 January 2026: every day counted lies in the known year.
    expect(addWorkingDays('2025-12-31', 20, official)).toEqual({ date: '2026-01-29', provisional: false });
    expect(addWorkingDays('2025-12-31', 1, official).date).toBe('2026-01-04');
  });
  it('预案办法 第二十六条 20 working days over the year end into a year not yet announced: provisional', () => {
    expect(addWorkingDays('2026-12-15', 20, official)).toEqual({ date: '2027-01-12', provisional: true });
    // Once the year is entered (here a made-up 1 January holiday, test data only), the deadline moves.
    const with2027: WorkingDayCalendar = {
      ...official,
      2027: { year: 2027, holidays: ['2027-01-01'], workingWeekendDays: [], source: 'test data' },
    };
    expect(addWorkingDays('2026-12-15', 20, with2027)).toEqual({ date: '2027-01-13', provisional: false });
  });
  it('a deadline that ends inside the known year is not provisional even when the year after is unknown', () => {
    expect(addWorkingDays('2026-11-20', 20, official)).toEqual({ date: '2026-12-18', provisional: false });
  });
});

describe('calendar months and days', () => {
  it('adds months, a missing day falling on the month’s last (31 Aug + 6 months, leap years)', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2026-11-23', 24)).toBe('2028-11-23');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
  it('reads an instant on the jurisdiction’s clock; a bare date stays as it is', () => {
    expect(localDate('2026-11-23T15:59:59Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDate('2026-11-23T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDate('2026-11-23', 'Asia/Shanghai')).toBe('2026-11-23');
  });
});
