import { useState } from 'react';
import type { PlanVersionView } from '@app/plans/contract';
import { useI18n } from '../../i18n';
import { useLabels } from '../labels/labels';
import { diffPlans, type ChangeKind } from './plan-diff';
import { criterionWords, levelsWords } from './plan-words';

/** The mark in front of each changed line: 新增 / 删除 / 修改, also as `data-change` for tests and styling. */
function Mark({ kind }: { kind: ChangeKind }) {
  const { t } = useI18n();
  return <span className={`change-mark change-${kind}`}>{t(`plans.change.${kind}`)}</span>;
}

function Line({ kind, children }: { kind: ChangeKind; children: React.ReactNode }) {
  return (
    <li className={`diff-line diff-${kind}`} data-testid="diff-item" data-change={kind}>
      <Mark kind={kind} /> {children}
    </li>
  );
}

/**
 * 版本对比: two versions chosen side by side, and what differs between them written out — thresholds of each
 * response level, working groups and their tasks, teams and supplies — with added, removed and changed lines marked.
 */
export function PlanCompare({ versions }: { versions: PlanVersionView[] }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const newest = numbers[numbers.length - 1] ?? 1;
  const [from, setFrom] = useState<number>(numbers[numbers.length - 2] ?? newest);
  const [to, setTo] = useState<number>(newest);
  const before = versions.find((v) => v.version === from);
  const after = versions.find((v) => v.version === to);
  if (numbers.length < 2) return <p className="muted">{t('plans.compareOne')}</p>;
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
  const diff = before && after ? diffPlans(before, after) : null;
  const levelName = (level: string) => label('responseLevel', level);
  const changes = (
    fields: { field: string; before: unknown; after: unknown }[],
    show: (f: string, v: unknown) => string,
  ) =>
    fields
      .map((f) =>
        t('plans.changeFromTo', {
          field: t(`plans.field.${f.field}` as 'plans.field.count'),
          before: f.before === undefined ? t('plans.unset') : show(f.field, f.before),
          after: f.after === undefined ? t('plans.unset') : show(f.field, f.after),
        }),
      )
      .join(lang === 'en' ? '; ' : '；');
  const taskValue = (field: string, value: unknown) =>
    field === 'responseLevels' ? levelsWords(String(value).split(','), label, lang) : String(value);
  const count = (group: 'specialty' | 'material', key: string, n: number | null) =>
    n === null
      ? ''
      : t(group === 'specialty' ? 'plans.teamCount' : 'plans.materialCount', { name: label(group, key), count: n });
  return (
    <div data-testid="plan-compare">
      <div className="row">
        {pick(from, setFrom, 'compare-from', t('plans.compareFrom'))}
        {pick(to, setTo, 'compare-to', t('plans.compareTo'))}
      </div>
      <div className="two-col compare-heads">
        <strong data-testid="compare-from-title">
          {t('plans.versionN', { version: from })} ·{' '}
          {before ? label('planStatus', before.status, before.statusLabel) : ''}
        </strong>
        <strong data-testid="compare-to-title">
          {t('plans.versionN', { version: to })} · {after ? label('planStatus', after.status, after.statusLabel) : ''}
        </strong>
      </div>
      {diff?.same && (
        <p className="muted" data-testid="compare-same">
          {t('plans.compareSame')}
        </p>
      )}
      {diff && !diff.same && (
        <ul className="diff" data-testid="plan-diff">
          {diff.description.kind !== 'same' && (
            <Line kind="changed">
              {t('plans.description')}：{diff.description.before} → {diff.description.after}
            </Line>
          )}
          {diff.levels
            .filter((l) => l.kind !== 'same')
            .map((l) => (
              <Line key={`level-${l.level}`} kind={l.kind}>
                {levelName(l.level)}：
                {l.kind === 'changed'
                  ? `${criterionWords(l.before!, t, label, lang)} → ${criterionWords(l.after!, t, label, lang)}`
                  : criterionWords((l.after ?? l.before)!, t, label, lang)}
              </Line>
            ))}
          {diff.groups
            .filter((g) => g.kind !== 'same')
            .map((g) => (
              <li key={`group-${g.name}`} className="diff-group" data-testid="diff-group" data-change={g.kind}>
                <Mark kind={g.kind} /> {t('plans.group')}：{g.name}
                {g.kind === 'changed' && g.leadAgency.before !== g.leadAgency.after && (
                  <span>
                    {' '}
                    {t('plans.changeFromTo', {
                      field: t('plans.field.leadAgency'),
                      before: g.leadAgency.before ?? '',
                      after: g.leadAgency.after ?? '',
                    })}
                  </span>
                )}
                <ul>
                  {g.tasks
                    .filter((task) => task.kind !== 'same')
                    .map((task) => (
                      <Line key={`task-${task.title}`} kind={task.kind}>
                        {task.title}
                        {task.kind === 'changed' ? `：${changes(task.fields, taskValue)}` : ''}
                      </Line>
                    ))}
                </ul>
              </li>
            ))}
          {diff.teams
            .filter((c) => c.kind !== 'same')
            .map((c) => (
              <Line key={`team-${c.key}`} kind={c.kind}>
                {t('plans.teamsNeeded')}：
                {c.kind === 'changed'
                  ? `${count('specialty', c.key, c.before)} → ${count('specialty', c.key, c.after)}`
                  : count('specialty', c.key, c.after ?? c.before)}
              </Line>
            ))}
          {diff.materials
            .filter((c) => c.kind !== 'same')
            .map((c) => (
              <Line key={`material-${c.key}`} kind={c.kind}>
                {t('plans.materialsNeeded')}：
                {c.kind === 'changed'
                  ? `${count('material', c.key, c.before)} → ${count('material', c.key, c.after)}`
                  : count('material', c.key, c.after ?? c.before)}
              </Line>
            ))}
        </ul>
      )}
    </div>
  );
}
