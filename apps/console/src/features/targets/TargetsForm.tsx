import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  RecordedCounts,
  TargetDenominators,
  TargetDocumentView,
  TargetIndicator,
  TargetKind,
  TargetRecordedFigures,
  TargetSpec,
} from '@app/targets/contract';
import { ApiError, command, get } from '../../api';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import {
  CATEGORIES,
  categoryName,
  FIXED_CATEGORY,
  INDICATORS,
  isCount,
  RATE_DENOMINATOR,
  TARGET_YEAR_MIN,
  targetKeys,
  targetsPath,
  typedAsPercent,
  valueToSend,
  valueToType,
} from './model';

interface Row {
  key: number;
  indicator: TargetIndicator;
  kind: TargetKind;
  /** As typed: a percentage for shares and reductions. */
  value: string;
  baselineYear: string;
  category: string;
}

let nextKey = 1;

const rowOf = (spec: TargetSpec): Row => ({
  key: nextKey++,
  indicator: spec.indicator,
  kind: spec.kind,
  value: String(valueToType(spec.indicator, spec.kind, spec.value)),
  baselineYear: spec.baselineYear === null ? '' : String(spec.baselineYear),
  category: spec.category ?? '',
});

const numberText = (n: number | null) => (n === null ? '' : String(n));

/** The entered counts as typed (empty: not entered). */
export interface CountsText {
  incidents: string;
  deaths: string;
  majorOrAboveIncidents: string;
}
/** 本年度统计数据（录入） as typed: the totals and one row per category. */
export interface RecordedText extends CountsText {
  categories: (CountsText & { key: number; category: string })[];
}

const COUNT_FIELDS = ['incidents', 'deaths', 'majorOrAboveIncidents'] as const;

const countsText = (c: RecordedCounts): CountsText => ({
  incidents: numberText(c.incidents),
  deaths: numberText(c.deaths),
  majorOrAboveIncidents: numberText(c.majorOrAboveIncidents),
});

export const recordedText = (r: TargetRecordedFigures | undefined): RecordedText => ({
  ...countsText(r ?? { incidents: null, deaths: null, majorOrAboveIncidents: null }),
  categories: (r?.categories ?? []).map((c) => ({ key: nextKey++, category: c.category, ...countsText(c) })),
});

const EMPTY_RECORDED: RecordedText = { incidents: '', deaths: '', majorOrAboveIncidents: '', categories: [] };

/** An entered count: empty is "not entered" (null), 0 is a figure; anything else must be a whole number ≥ 0. */
function count(text: string): number | null | 'invalid' {
  if (!text.trim()) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : 'invalid';
}

/** The entered figures to send, or the problems in words (which line, what is wrong). */
function recordedOf(text: RecordedText, t: Translate): { recorded: TargetRecordedFigures; problems: string[] } {
  const problems: string[] = [];
  const countsOf = (c: CountsText, line: string): RecordedCounts => {
    const out = { incidents: null, deaths: null, majorOrAboveIncidents: null } as RecordedCounts;
    for (const field of COUNT_FIELDS) {
      const n = count(c[field]);
      if (n === 'invalid') problems.push(t('targets.recorded.invalidCount', { line }));
      else out[field] = n;
    }
    if (out.incidents !== null && out.majorOrAboveIncidents !== null && out.majorOrAboveIncidents > out.incidents)
      problems.push(t('targets.recorded.majorAboveAll', { line }));
    return out;
  };
  const total = countsOf(text, t('targets.recorded.total'));
  const seen = new Set<string>();
  const categories = text.categories.map((c) => {
    const line = c.category ? categoryName(t, c.category) : t('targets.recorded.noCategory');
    if (!c.category) problems.push(t('targets.recorded.chooseCategory'));
    else if (seen.has(c.category)) problems.push(t('targets.recorded.duplicate', { category: line }));
    seen.add(c.category);
    return { category: c.category, ...countsOf(c, line) };
  });
  return {
    recorded: { ...total, categories },
    problems: [...new Set(problems)],
  };
}

/** A denominator as typed: empty is "not entered" (null); anything else must be a positive number. */
function denominator(text: string): number | null | 'invalid' {
  if (!text.trim()) return null;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : 'invalid';
}

/** Only what the server keeps of a target (the document view adds labels). */
const specOf = (s: TargetSpec): TargetSpec => ({
  indicator: s.indicator,
  kind: s.kind,
  value: s.value,
  baselineYear: s.baselineYear,
  category: s.category,
});

/**
 * The body of PUT /targets/{jurisdiction}/{year} from the rows as typed, or the problems that keep it from being sent.
 * Shares are typed as percentages and sent as fractions (2 → 0.02); reductions are typed and sent as percentages
 * (15 → 15): the units of libs/targets/src/contract.ts.
 */
export function bodyOfForm(
  rows: Omit<Row, 'key'>[],
  denominators: { gdp: string; vehicles: string },
  year: number,
  t: Translate,
  recordedTyped: RecordedText = EMPTY_RECORDED,
):
  | { body: { targets: TargetSpec[]; denominators: TargetDenominators; recorded: TargetRecordedFigures } }
  | { problems: string[] } {
  const problems: string[] = [];
  const targets: TargetSpec[] = rows.map((row, i) => {
    const n = i + 1;
    const typed = Number(row.value);
    const valid =
      row.value.trim() !== '' &&
      Number.isFinite(typed) &&
      typed >= 0 &&
      (!isCount(row.indicator) || row.kind === 'reduction' || Number.isInteger(typed));
    if (!valid) problems.push(t('targets.form.invalidValue', { n }));
    else if (row.kind === 'reduction' && (typed <= 0 || typed >= 100))
      problems.push(t('targets.form.invalidReduction', { n }));
    else if (typedAsPercent(row.indicator, row.kind) && typed > 100)
      problems.push(t('targets.form.invalidShare', { n }));
    const baseline = Number(row.baselineYear);
    const baselineYear = row.kind === 'reduction' ? baseline : null;
    if (row.kind === 'reduction' && (!Number.isInteger(baseline) || baseline < TARGET_YEAR_MIN || baseline >= year))
      problems.push(t('targets.form.invalidBaseline', { n }));
    return {
      indicator: row.indicator,
      kind: row.kind,
      value: valueToSend(row.indicator, row.kind, typed),
      baselineYear,
      category: FIXED_CATEGORY[row.indicator] !== undefined ? null : row.category || null,
    };
  });
  const gdp = denominator(denominators.gdp);
  const vehicles = denominator(denominators.vehicles);
  if (gdp === 'invalid' || vehicles === 'invalid') problems.push(t('targets.form.invalidDenominator'));
  const recorded = recordedOf(recordedTyped, t);
  problems.push(...recorded.problems);
  if (problems.length > 0) return { problems };
  return {
    body: {
      targets,
      denominators: { gdp100mYuan: gdp as number | null, vehicles10k: vehicles as number | null },
      // The whole document is replaced: the year's entered figures go back with it, changed or not.
      recorded: recorded.recorded,
    },
  };
}

/** The answer of a PUT: the document itself, or (202) nothing yet, to be read again. */
async function put(jurisdiction: string, year: number, body: unknown) {
  const outcome = await command<TargetDocumentView>('PUT', targetsPath(jurisdiction, year), body);
  return outcome.kind === 'done' ? outcome.body : null;
}

/**
 * 设定考核目标: the targets of one jurisdiction and year, the year's denominators (地区生产总值, 机动车保有量), and a
 * hint when a rate target lacks a denominator (of this year, or of its baseline year, which can be entered here).
 */
export function TargetsForm({
  jurisdiction,
  jurisdictionName,
  year,
  document,
  onClose,
}: {
  jurisdiction: string;
  jurisdictionName: string;
  year: number;
  document: TargetDocumentView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => (document?.targets ?? []).map(rowOf));
  const [gdp, setGdp] = useState(numberText(document?.denominators.gdp100mYuan ?? null));
  const [vehicles, setVehicles] = useState(numberText(document?.denominators.vehicles10k ?? null));
  const [recorded, setRecorded] = useState<RecordedText>(() => recordedText(document?.recorded));
  const [problems, setProblems] = useState<string[]>([]);
  const [accepted, setAccepted] = useState(false);

  const save = useMutation({
    mutationFn: (body: unknown) => put(jurisdiction, year, body),
    onSuccess: (answer) => {
      if (answer) client.setQueryData(targetKeys.document(jurisdiction, year), answer);
      else void client.invalidateQueries({ queryKey: targetKeys.document(jurisdiction, year) });
      void client.invalidateQueries({ queryKey: ['targets', 'progress'] });
      // The parent's split counts this document.
      void client.invalidateQueries({ queryKey: ['targets', 'document'] });
      if (answer) onClose();
      else setAccepted(true);
    },
  });

  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = bodyOfForm(rows, { gdp, vehicles }, year, t, recorded);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    save.mutate(result.body);
  };

  // Baseline years of rate reductions: their own documents say whether their denominators are entered.
  const baselineYears = [
    ...new Set(
      rows
        .filter((r) => r.kind === 'reduction' && RATE_DENOMINATOR[r.indicator])
        .map((r) => Number(r.baselineYear))
        .filter((y) => Number.isInteger(y) && y >= TARGET_YEAR_MIN && y < year),
    ),
  ].sort((a, b) => a - b);
  const baselineDocs = useQueries({
    queries: baselineYears.map((y) => ({
      queryKey: targetKeys.document(jurisdiction, y),
      queryFn: async () => {
        try {
          return await get<TargetDocumentView>(targetsPath(jurisdiction, y));
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    })),
  });

  const what = (d: 'gdp' | 'vehicles') => t(`targets.form.what.${d}`);
  const yearHints: string[] = [];
  const baselineHints: { year: number; text: string }[] = [];
  for (const row of rows) {
    const needs = RATE_DENOMINATOR[row.indicator];
    if (!needs) continue;
    const indicator = t(`targets.indicator.${row.indicator}` as MessageKey);
    if (!(needs === 'gdp' ? gdp : vehicles).trim())
      yearHints.push(t('targets.form.missingYearDenominator', { indicator, year, what: what(needs) }));
    if (row.kind !== 'reduction') continue;
    const y = Number(row.baselineYear);
    const i = baselineYears.indexOf(y);
    const answer = i >= 0 ? baselineDocs[i] : undefined;
    if (!answer?.isSuccess) continue;
    const held = answer.data?.denominators ?? { gdp100mYuan: null, vehicles10k: null };
    if ((needs === 'gdp' ? held.gdp100mYuan : held.vehicles10k) === null)
      baselineHints.push({
        year: y,
        text: t('targets.form.baselineMissing', { year: y, what: what(needs), indicator }),
      });
  }

  return (
    <form className="targets-form" data-testid="targets-form" onSubmit={submit} noValidate>
      <h2>{t('targets.form.title', { jurisdiction: jurisdictionName, year })}</h2>
      <p className="muted small">{t('targets.form.percentHint')}</p>
      <table className="grid compact" data-testid="targets-form-rows">
        <caption className="sr-only">{t('targets.form.targets')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('targets.form.indicator')}</th>
            <th scope="col">{t('targets.form.kind')}</th>
            <th scope="col">{t('targets.form.value')}</th>
            <th scope="col">{t('targets.form.baselineYear')}</th>
            <th scope="col">{t('targets.form.category')}</th>
            <th scope="col">
              <span className="sr-only">{t('targets.form.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const n = i + 1;
            const percent = typedAsPercent(row.indicator, row.kind);
            return (
              <tr key={row.key} data-testid="targets-form-row">
                <td>
                  <select
                    aria-label={`${t('targets.form.indicator')} ${n}`}
                    data-testid="targets-form-indicator"
                    value={row.indicator}
                    onChange={(e) => change(row.key, { indicator: e.target.value as TargetIndicator })}>
                    {INDICATORS.map((ind) => (
                      <option key={ind} value={ind}>
                        {t(`targets.indicator.${ind}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${t('targets.form.kind')} ${n}`}
                    data-testid="targets-form-kind"
                    value={row.kind}
                    onChange={(e) => {
                      const kind = e.target.value as TargetKind;
                      change(row.key, {
                        kind,
                        baselineYear: kind === 'reduction' && !row.baselineYear ? String(year - 1) : row.baselineYear,
                      });
                    }}>
                    <option value="ceiling">{t('targets.kind.ceiling')}</option>
                    <option value="reduction">{t('targets.kind.reduction')}</option>
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    aria-label={`${t('targets.form.value')} ${n}`}
                    data-testid="targets-form-value"
                    value={row.value}
                    onChange={(e) => change(row.key, { value: e.target.value })}
                  />{' '}
                  <span className="muted" data-testid="targets-form-value-unit">
                    {percent ? t('targets.form.valueUnit.percent') : t(`targets.unit.${row.indicator}` as MessageKey)}
                  </span>
                </td>
                <td>
                  {row.kind === 'reduction' ? (
                    <input
                      type="number"
                      min={TARGET_YEAR_MIN}
                      max={year - 1}
                      step={1}
                      aria-label={`${t('targets.form.baselineYear')} ${n}`}
                      data-testid="targets-form-baseline"
                      value={row.baselineYear}
                      onChange={(e) => change(row.key, { baselineYear: e.target.value })}
                    />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {FIXED_CATEGORY[row.indicator] !== undefined ? (
                    <span className="muted" data-testid="targets-form-category-fixed">
                      {t('targets.form.categoryFixed')}
                    </span>
                  ) : (
                    <select
                      aria-label={`${t('targets.form.category')} ${n}`}
                      data-testid="targets-form-category"
                      value={row.category}
                      onChange={(e) => change(row.key, { category: e.target.value })}>
                      <option value="">{t('targets.category.all')}</option>
                      {CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {categoryName(t, c)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="linkish"
                    data-testid="targets-form-remove"
                    onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                    {t('targets.form.remove')}
                    <span className="sr-only"> {n}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">{t('targets.form.empty')}</p>}
      <button
        type="button"
        data-testid="targets-form-add"
        onClick={() =>
          setRows((all) => [
            ...all,
            { key: nextKey++, indicator: 'deaths', kind: 'ceiling', value: '', baselineYear: '', category: '' },
          ])
        }>
        {t('targets.form.add')}
      </button>
      <fieldset className="denominators">
        <legend>{t('targets.form.denominators', { year })}</legend>
        <label>
          {t('targets.form.gdp')}{' '}
          <input
            type="number"
            min={0}
            step="any"
            data-testid="targets-form-gdp"
            value={gdp}
            onChange={(e) => setGdp(e.target.value)}
          />
        </label>
        <label>
          {t('targets.form.vehicles')}{' '}
          <input
            type="number"
            min={0}
            step="any"
            data-testid="targets-form-vehicles"
            value={vehicles}
            onChange={(e) => setVehicles(e.target.value)}
          />
        </label>
      </fieldset>
      <RecordedFigures year={year} value={recorded} onChange={setRecorded} />
      {[...new Set(yearHints)].map((text) => (
        <p key={text} className="targets-hint" data-testid="targets-form-year-hint">
          {text}
        </p>
      ))}
      {baselineYears
        .filter((y) => baselineHints.some((h) => h.year === y))
        .map((y) => (
          <BaselineDenominators
            key={y}
            jurisdiction={jurisdiction}
            year={y}
            texts={[...new Set(baselineHints.filter((h) => h.year === y).map((h) => h.text))]}
            document={baselineDocs[baselineYears.indexOf(y)]?.data ?? null}
          />
        ))}
      {problems.length > 0 && (
        <ul className="form-error" role="alert" data-testid="targets-form-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {save.error ? <ErrorMessage error={save.error} testId="targets-form-error" /> : null}
      {accepted && (
        <p className="notice accepted" role="status">
          {t('targets.form.accepted')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="targets-form-save" disabled={save.isPending}>
          {t('targets.form.save')}
        </button>
        <button type="button" data-testid="targets-form-cancel" onClick={onClose}>
          {t('targets.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The denominators of a baseline year, entered from the form of a later year: a PUT of the baseline year's document
 * with its own targets unchanged and only the denominators new.
 */
function BaselineDenominators({
  jurisdiction,
  year,
  texts,
  document,
}: {
  jurisdiction: string;
  year: number;
  /** What the year lacks, one sentence per rate target that needs it. */
  texts: string[];
  document: TargetDocumentView | null;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [gdp, setGdp] = useState(numberText(document?.denominators.gdp100mYuan ?? null));
  const [vehicles, setVehicles] = useState(numberText(document?.denominators.vehicles10k ?? null));
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) => put(jurisdiction, year, body),
    onSuccess: (answer) => {
      if (answer) client.setQueryData(targetKeys.document(jurisdiction, year), answer);
      else void client.invalidateQueries({ queryKey: targetKeys.document(jurisdiction, year) });
      void client.invalidateQueries({ queryKey: ['targets', 'progress'] });
    },
  });
  const submit = () => {
    const g = denominator(gdp);
    const v = denominator(vehicles);
    if (g === 'invalid' || v === 'invalid') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    save.mutate({
      targets: (document?.targets ?? []).map(specOf),
      denominators: { gdp100mYuan: g, vehicles10k: v },
      // The baseline year's entered figures stay as they are (a PUT replaces the whole document).
      ...(document?.recorded ? { recorded: document.recorded } : {}),
    });
  };
  return (
    <div className="targets-hint" data-testid="targets-form-baseline-hint" data-year={year}>
      {texts.map((text) => (
        <p key={text}>{text}</p>
      ))}
      {!open ? (
        <button type="button" data-testid="targets-baseline-enter" onClick={() => setOpen(true)}>
          {t('targets.form.baselineEnter', { year })}
        </button>
      ) : (
        <div className="denominators">
          <label>
            {t('targets.form.gdp')}{' '}
            <input
              type="number"
              min={0}
              step="any"
              data-testid="targets-baseline-gdp"
              value={gdp}
              onChange={(e) => setGdp(e.target.value)}
            />
          </label>
          <label>
            {t('targets.form.vehicles')}{' '}
            <input
              type="number"
              min={0}
              step="any"
              data-testid="targets-baseline-vehicles"
              value={vehicles}
              onChange={(e) => setVehicles(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="primary"
            data-testid="targets-baseline-save"
            disabled={save.isPending}
            onClick={submit}>
            {t('targets.form.baselineSave', { year })}
          </button>
        </div>
      )}
      {invalid && (
        <p className="field-error" role="alert">
          {t('targets.form.invalidDenominator')}
        </p>
      )}
      {save.error ? <ErrorMessage error={save.error} testId="targets-baseline-error" /> : null}
    </div>
  );
}

/**
 * 本年度统计数据（录入）: the year's official figures (statistics yearbook), in total and per category. A later
 * year's reduction takes its baseline from them when the system holds no or only some of this year's accidents.
 */
function RecordedFigures({
  year,
  value,
  onChange,
}: {
  year: number;
  value: RecordedText;
  onChange: (next: RecordedText) => void;
}) {
  const { t } = useI18n();
  const label = (field: (typeof COUNT_FIELDS)[number]) => t(`targets.recorded.${field}` as MessageKey);
  const setCategory = (key: number, patch: Partial<RecordedText['categories'][number]>) =>
    onChange({ ...value, categories: value.categories.map((c) => (c.key === key ? { ...c, ...patch } : c)) });
  const input = (text: string, aria: string, testId: string, set: (text: string) => void) => (
    <input
      type="number"
      min={0}
      step={1}
      inputMode="numeric"
      aria-label={aria}
      data-testid={testId}
      value={text}
      onChange={(e) => set(e.target.value)}
    />
  );
  return (
    <fieldset className="recorded-figures" data-testid="targets-recorded">
      <legend>{t('targets.recorded.title', { year })}</legend>
      <p className="muted small">{t('targets.recorded.hint', { year })}</p>
      <table className="grid compact">
        <caption className="sr-only">{t('targets.recorded.title', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('targets.form.category')}</th>
            {COUNT_FIELDS.map((f) => (
              <th scope="col" key={f}>
                {label(f)}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{t('targets.form.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="targets-recorded-total">
            <th scope="row">{t('targets.recorded.total')}</th>
            {COUNT_FIELDS.map((f) => (
              <td key={f}>
                {input(value[f], `${t('targets.recorded.total')} ${label(f)}`, `targets-recorded-${f}`, (text) =>
                  onChange({ ...value, [f]: text }),
                )}
              </td>
            ))}
            <td />
          </tr>
          {value.categories.map((c, i) => (
            <tr key={c.key} data-testid="targets-recorded-category-row">
              <td>
                <select
                  aria-label={`${t('targets.form.category')} ${i + 1}`}
                  data-testid="targets-recorded-category"
                  value={c.category}
                  onChange={(e) => setCategory(c.key, { category: e.target.value })}>
                  <option value="">{t('targets.recorded.noCategory')}</option>
                  {CATEGORIES.map((code) => (
                    <option key={code} value={code}>
                      {categoryName(t, code)}
                    </option>
                  ))}
                </select>
              </td>
              {COUNT_FIELDS.map((f) => (
                <td key={f}>
                  {input(
                    c[f],
                    `${categoryName(t, c.category) || i + 1} ${label(f)}`,
                    `targets-recorded-category-${f}`,
                    (text) => setCategory(c.key, { [f]: text }),
                  )}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="linkish"
                  data-testid="targets-recorded-remove"
                  onClick={() => onChange({ ...value, categories: value.categories.filter((x) => x.key !== c.key) })}>
                  {t('targets.form.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        data-testid="targets-recorded-add"
        onClick={() =>
          onChange({
            ...value,
            categories: [
              ...value.categories,
              { key: nextKey++, category: '', incidents: '', deaths: '', majorOrAboveIncidents: '' },
            ],
          })
        }>
        {t('targets.recorded.addCategory')}
      </button>
    </fieldset>
  );
}
