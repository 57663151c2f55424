import { useState } from 'react';
import type { PlanVersionView } from '@app/plans/contract';
import { useI18n } from '../../i18n';
import { useLabels } from '../labels/labels';
import { diffPlans, type ChangeKind } from './plan-diff';
import { criterionWords, taskWords } from './plan-words';

/** The mark in front of each compared line: 新增 / 删除 / 修改 / 未变, also as `data-change` for tests and styling. */
function Mark({ kind }: { kind: ChangeKind }) {
  const { t } = useI18n();
  return <span className={`change-mark change-${kind}`}>{t(`plans.change.${kind}`)}</span>;
}

interface Row {
  key: string;
  kind: ChangeKind;
  subject: string;
  before: string;
  after: string;
  /** Tasks sit under their group. */
  nested?: boolean;
  testId?: string;
}

/**
 * 版本对比: two versions chosen and read side by side — the older one's words on the left, the newer one's on the
 * right — line by line for the activation wording, each response level's thresholds, each working group and its
 * tasks, and the teams and supplies needed, each line marked added, removed, changed or unchanged. By default only
 * what differs is listed; the whole comparison is one tick away.
 */
export function PlanCompare({ versions }: { versions: PlanVersionView[] }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const newest = numbers[numbers.length - 1] ?? 1;
  const [from, setFrom] = useState<number>(numbers[numbers.length - 2] ?? newest);
  const [to, setTo] = useState<number>(newest);
  const [onlyChanges, setOnlyChanges] = useState(true);
  if (numbers.length < 2) return <p className="muted">{t('plans.compareOne')}</p>;
  const before = versions.find((v) => v.version === from);
  const after = versions.find((v) => v.version === to);
  const pick = (value: number, set: (n: number) => void, testId: string, name: string) => (
    <label className="field">
      {name}
      <select data-testid={testId} value={value} onChange={(e) => set(Number(e.target.value))}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            {t('plans.versionN', { version: n })}
          </option>
        ))}
      </select>
    </label>
  );
  const head = (v: PlanVersionView | undefined, n: number) =>
    `${t('plans.versionN', { version: n })}${v ? ` · ${label('planStatus', v.status, v.statusLabel)}` : ''}`;
  const diff = before && after ? diffPlans(before, after) : null;
  const none = '—';
  const count = (group: 'specialty' | 'material', n: number | null) =>
    n === null ? none : group === 'specialty' ? t('plans.teamUnits', { count: n }) : String(n);
  const rows: Row[] = [];
  if (diff) {
    rows.push({
      key: 'description',
      kind: diff.description.kind,
      subject: t('plans.description'),
      before: diff.description.before,
      after: diff.description.after,
    });
    for (const l of diff.levels)
      rows.push({
        key: `level-${l.level}`,
        kind: l.kind,
        subject: label('responseLevel', l.level),
        before: l.before ? criterionWords(l.before, t, label, lang) : none,
        after: l.after ? criterionWords(l.after, t, label, lang) : none,
      });
    for (const g of diff.groups) {
      rows.push({
        key: `group-${g.name}`,
        kind: g.kind,
        subject: `${t('plans.group')}：${g.name}`,
        before: g.leadAgency.before ?? none,
        after: g.leadAgency.after ?? none,
        testId: 'diff-group',
      });
      for (const task of g.tasks)
        rows.push({
          key: `task-${g.name}-${task.title}`,
          kind: task.kind,
          subject: task.title,
          before: task.before ? taskWords(task.before, t, label, lang) : none,
          after: task.after ? taskWords(task.after, t, label, lang) : none,
          nested: true,
        });
    }
    for (const c of diff.teams)
      rows.push({
        key: `team-${c.key}`,
        kind: c.kind,
        subject: `${t('plans.teamsNeeded')}：${label('specialty', c.key)}`,
        before: count('specialty', c.before),
        after: count('specialty', c.after),
      });
    for (const c of diff.materials)
      rows.push({
        key: `material-${c.key}`,
        kind: c.kind,
        subject: `${t('plans.materialsNeeded')}：${label('material', c.key)}`,
        before: count('material', c.before),
        after: count('material', c.after),
      });
  }
  const shown = onlyChanges ? rows.filter((r) => r.kind !== 'same') : rows;
  return (
    <div data-testid="plan-compare">
      <div className="row">
        {pick(from, setFrom, 'compare-from', t('plans.compareFrom'))}
        {pick(to, setTo, 'compare-to', t('plans.compareTo'))}
      </div>
      <label className="small compare-only">
        <input
          type="checkbox"
          data-testid="compare-only-changes"
          checked={onlyChanges}
          onChange={(e) => setOnlyChanges(e.target.checked)}
        />{' '}
        {t('plans.compareOnlyChanges')}
      </label>
      {diff?.same && onlyChanges && (
        <p className="muted" data-testid="compare-same">
          {t('plans.compareSame')}
        </p>
      )}
      {diff && shown.length > 0 && (
        <table className="grid compact compare-table" data-testid="plan-diff">
          <thead>
            <tr>
              <th scope="col">{t('plans.compareItem')}</th>
              <th scope="col" data-testid="compare-from-title">
                {head(before, from)}
              </th>
              <th scope="col" data-testid="compare-to-title">
                {head(after, to)}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} className={`diff-${r.kind}`} data-testid={r.testId ?? 'diff-item'} data-change={r.kind}>
                <th scope="row" className={r.nested ? 'diff-nested' : undefined}>
                  <Mark kind={r.kind} /> <span data-testid="diff-subject">{r.subject}</span>
                </th>
                <td data-testid="diff-before" className="diff-before" data-differs={r.before !== r.after}>
                  {r.before}
                </td>
                <td data-testid="diff-after" className="diff-after" data-differs={r.before !== r.after}>
                  {r.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
