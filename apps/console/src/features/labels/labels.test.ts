/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jurisdictionName, label, labelList, type LabelGroup } from './labels';

/**
 * The server's own label tables, read from its sources as text (the console imports nothing of the server but its
 * contract types), to check that the console names every code as the server does.
 */
const ROOT = resolve(import.meta.dirname, '../../../../..');

function table(file: string, name: string): Record<string, string> {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const start = text.indexOf(`export const ${name}`);
  if (start < 0) throw new Error(`${name} not found in ${file}`);
  const open = text.indexOf('{', text.indexOf('=', start));
  const body = text.slice(open + 1, text.indexOf('}', open));
  const entries = [...body.matchAll(/'?\b([A-Za-z_]+)'?:\s*'([^']*)'/g)].map((m): [string, string] => [m[1]!, m[2]!]);
  if (entries.length === 0) throw new Error(`${name} has no entries`);
  return Object.fromEntries(entries);
}

const materials = [
  ...readFileSync(resolve(ROOT, 'libs/warehouses/src/domain/materials/materials.catalogue.ts'), 'utf8').matchAll(
    /\bm\('(\d+)', '([^']+)', '([^']+)'/g,
  ),
];

const SERVER: [LabelGroup, Record<string, string>][] = [
  ['role', table('libs/shared/src/auth/roles.ts', 'ROLE_LABELS')],
  ['rollCallStatus', table('libs/duty/src/domain/duty.types.ts', 'ROLL_CALL_STATUS_LABELS')],
  ['drillStatus', table('libs/drills/src/domain/drill/drill.types.ts', 'DRILL_STATUS_LABELS')],
  ['grade', table('libs/incidents/src/domain/incident/accident-grade.ts', 'GRADE_LABELS')],
  ['category', table('libs/incidents/src/domain/incident/incident.types.ts', 'INCIDENT_CATEGORIES')],
  ['responseLevel', table('libs/incidents/src/domain/incident/incident.types.ts', 'RESPONSE_LEVEL_LABELS')],
  ['deadlineStatus', table('libs/incidents/src/domain/incident/reporting-deadlines.ts', 'DEADLINE_STATUS_LABELS')],
  ['deadlineKind', table('libs/incidents/src/domain/incident/reporting-deadlines.ts', 'OBLIGATION_KIND_LABELS')],
  ['reportLevel', table('libs/incidents/src/domain/incident/reporting-deadlines.ts', 'REPORT_LEVEL_LABELS')],
  ['party', table('libs/incidents/src/domain/incident/reporting-profile.ts', 'NOTIFICATION_PARTY_LABELS')],
  ['drillDueState', table('libs/plans/src/domain/governance/plan-governance.ts', 'DRILL_DUE_STATE_LABELS')],
  ['evaluationState', table('libs/plans/src/domain/governance/plan-governance.ts', 'EVALUATION_STATE_LABELS')],
  ['filingState', table('libs/plans/src/domain/governance/plan-governance.ts', 'FILING_STATE_LABELS')],
  ['planOwnerKind', table('libs/plans/src/domain/governance/plan-governance.ts', 'PLAN_OWNER_KINDS')],
  ['planKind', table('libs/plans/src/domain/plan/plan.types.ts', 'PLAN_KINDS')],
  ['reviewConclusion', table('libs/plans/src/domain/plan/plan.types.ts', 'PLAN_REVIEW_CONCLUSIONS')],
  ['reviewKind', table('libs/plans/src/domain/plan/plan.types.ts', 'PLAN_REVIEW_KINDS')],
  ['planStatus', table('libs/plans/src/domain/plan/plan.types.ts', 'PLAN_STATUS_LABELS')],
  ['specialty', table('libs/teams/src/domain/team/team.types.ts', 'SPECIALTY_LABELS')],
  ['teamKind', table('libs/teams/src/domain/team/team.types.ts', 'TEAM_KIND_LABELS')],
  ['teamStatus', table('libs/teams/src/domain/team/team.types.ts', 'TEAM_STATUS_LABELS')],
  ['material', Object.fromEntries(materials.map((m) => [m[1]!, m[2]!]))],
  ['unit', Object.fromEntries(materials.map((m) => [m[3]!, m[3]!]))],
  ['reserveKind', table('libs/warehouses/src/domain/warehouse/warehouse.types.ts', 'RESERVE_KIND_LABELS')],
  ['warehouseLevel', table('libs/warehouses/src/domain/warehouse/warehouse.types.ts', 'WAREHOUSE_LEVEL_LABELS')],
  ['warningAction', table('libs/warnings/src/domain/warning/warning.types.ts', 'WARNING_ACTION_LABELS')],
  ['warningChannel', table('libs/warnings/src/domain/warning/warning.types.ts', 'WARNING_CHANNEL_LABELS')],
  ['warningLevel', table('libs/warnings/src/domain/warning/warning.types.ts', 'WARNING_LEVEL_LABELS')],
  ['warningStatus', table('libs/warnings/src/domain/warning/warning.types.ts', 'WARNING_STATUS_LABELS')],
];

describe('labels of server codes', () => {
  it.each(SERVER)(
    'names every %s code in Chinese as the server does, and in English without Chinese',
    (group, table) => {
      for (const [code, name] of Object.entries(table)) {
        expect(label(group, code, null, 'zh')).toBe(name);
        const english = label(group, code, name, 'en');
        expect(english).not.toMatch(/[\u4e00-\u9fff]/);
        expect(english).not.toBe('');
      }
    },
  );

  it('falls back to the label the server sent for a code it does not know, never a bare code where one came', () => {
    expect(label('teamStatus', 'grounded', '停飞', 'en')).toBe('停飞');
    expect(label('teamStatus', 'grounded', undefined, 'en')).toBe('grounded');
    expect(labelList('specialty', ['fire', 'medical'], [], 'en')).toBe('Firefighting, Medical');
    expect(labelList('specialty', ['fire', 'medical'], [], 'zh')).toBe('灭火救援、医疗救护');
  });

  it('names a jurisdiction from the tree and never shows its code', () => {
    const tree = [
      {
        code: '640500',
        name: '中卫市',
        level: 'city' as const,
        parent: null,
        children: [{ code: '640521', name: '中宁县', level: 'county' as const, parent: '640500', children: [] }],
      },
    ];
    expect(jurisdictionName(tree, '640521')).toBe('中宁县');
    expect(jurisdictionName(tree, '640599')).toBe('—');
    expect(jurisdictionName(tree, '640599', '640599')).toBe('—');
    expect(jurisdictionName([], '640521', '中宁县')).toBe('中宁县');
  });
});
