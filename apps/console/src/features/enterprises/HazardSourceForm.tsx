import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HazardSourceView, HazardUnitKind } from '@app/enterprises/contract';
import { command, isAccepted } from '../../api';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { figure, HAZARD_CLASSES, hazardSourceKey, useCodeNames, useEnterprises, type HazardClassCode } from './queries';

interface SubstanceDraft {
  casNo: string;
  name: string;
  /** The Table 2 symbol of a substance Table 1 does not name; empty for a named one (looked up by CAS number). */
  category: HazardClassCode | '';
  quantityTonnes: string;
  criticalQuantityTonnes: string;
  beta: string;
}

interface Draft {
  enterpriseId: string;
  name: string;
  unitKind: HazardUnitKind;
  exposedPopulation: string;
  substances: SubstanceDraft[];
}

const EMPTY_SUBSTANCE: SubstanceDraft = {
  casNo: '',
  name: '',
  category: '',
  quantityTonnes: '',
  criticalQuantityTonnes: '',
  beta: '',
};

function draftOf(s: HazardSourceView | null): Draft {
  return {
    enterpriseId: s?.enterpriseId ?? '',
    name: s?.name ?? '',
    unitKind: s?.unitKind ?? 'storage',
    exposedPopulation: s ? String(s.exposedPopulation) : '',
    substances: s
      ? s.substances.map((x) => ({
          casNo: x.casNo ?? '',
          name: x.name,
          category: x.basis === 'named' ? '' : (x.hazardClass as HazardClassCode),
          quantityTonnes: String(x.quantityTonnes),
          // Values the standard supplied are looked up again on save; only entered ones are the user's to keep.
          criticalQuantityTonnes: x.basis === 'entered' ? String(x.criticalQuantityTonnes) : '',
          beta: x.basis === 'entered' ? String(x.beta) : '',
        }))
      : [{ ...EMPTY_SUBSTANCE }],
  };
}

type Problems = Record<string, MessageKey>;

const positive = (v: string) => v.trim() !== '' && Number.isFinite(Number(v)) && Number(v) > 0;

/** Problems by field (`name`, `substances.0.quantityTonnes` …), each a message key. */
export function checkHazardDraft(d: Draft, editing: boolean): Problems {
  const p: Problems = {};
  if (!editing && !d.enterpriseId) p.enterpriseId = 'enterprises.check.required';
  if (!d.name.trim()) p.name = 'enterprises.check.required';
  if (!/^\d+$/.test(d.exposedPopulation.trim())) p.exposedPopulation = 'enterprises.check.integer';
  const rows = d.substances.filter((s) => s.casNo.trim() || s.name.trim() || s.quantityTonnes.trim());
  if (rows.length === 0) p.substances = 'enterprises.check.substances';
  d.substances.forEach((s, i) => {
    if (!(s.casNo.trim() || s.name.trim() || s.quantityTonnes.trim())) return;
    if (!s.name.trim()) p[`substances.${i}.name`] = 'enterprises.check.required';
    if (!positive(s.quantityTonnes)) p[`substances.${i}.quantityTonnes`] = 'enterprises.check.positive';
    if (s.criticalQuantityTonnes.trim() && !positive(s.criticalQuantityTonnes))
      p[`substances.${i}.criticalQuantityTonnes`] = 'enterprises.check.positive';
    if (s.beta.trim() && !positive(s.beta)) p[`substances.${i}.beta`] = 'enterprises.check.positive';
  });
  return p;
}

function bodyOf(d: Draft, editing: boolean) {
  const substances = d.substances
    .filter((s) => s.casNo.trim() || s.name.trim() || s.quantityTonnes.trim())
    .map((s) => ({
      ...(s.casNo.trim() ? { casNo: s.casNo.trim() } : {}),
      name: s.name.trim(),
      ...(s.category ? { category: s.category } : {}),
      quantityTonnes: Number(s.quantityTonnes),
      ...(s.criticalQuantityTonnes.trim() ? { criticalQuantityTonnes: Number(s.criticalQuantityTonnes) } : {}),
      ...(s.beta.trim() ? { beta: Number(s.beta) } : {}),
    }));
  return {
    // The enterprise and the kind of unit stay as registered: a change names neither.
    ...(editing ? {} : { enterpriseId: d.enterpriseId, unitKind: d.unitKind }),
    name: d.name.trim(),
    exposedPopulation: Number(d.exposedPopulation),
    substances,
  };
}

/** One line per substance of the server's answer: where its Q and β came from (the CAS look-up's outcome). */
export function lookupLines(
  source: HazardSourceView,
  t: Translate,
  categoryName: (code: string, label: string) => string,
): string[] {
  return source.substances.map((s) => {
    const vars = {
      cas: s.casNo ?? '',
      name: s.name,
      Q: figure(s.criticalQuantityTonnes),
      beta: figure(s.beta),
      category: categoryName(s.category, s.categoryLabel),
    };
    if (s.basis === 'named') return t('hazards.form.lookupNamed', vars);
    if (s.basis === 'entered') return t('hazards.form.lookupEntered', vars);
    const cas = s.casNo ? t('hazards.form.casNotListed', { cas: s.casNo }) : t('hazards.form.noCas');
    return t('hazards.form.lookupCategory', { ...vars, cas });
  });
}

/**
 * 登记危险源 / 修改危险源 (admins): the unit, its exposed population and its substances. A CAS number is enough for a
 * substance the standard names (the server looks up Q and β); for others the category, and Q where the category
 * gives none. After saving, the server's answer is read back as one line per substance — which entry of the standard
 * it matched or which rule it fell under — and the grade it came to.
 */
export function HazardSourceForm({
  source,
  onDone,
  onCancel,
}: {
  source: HazardSourceView | null;
  onDone: (id: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const nameOf = useCodeNames();
  const client = useQueryClient();
  const editing = source !== null;
  const enterprises = useEnterprises();
  const [draft, setDraft] = useState<Draft>(() => draftOf(source));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<HazardSourceView | null>(null);
  const problems = checkHazardDraft(draft, editing);
  const shown: Problems = touched ? problems : {};

  const setRow = (i: number, patch: Partial<SubstanceDraft>) =>
    setDraft((d) => ({ ...d, substances: d.substances.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = editing
        ? await command<HazardSourceView>('PATCH', `/hazard-sources/${source.id}`, bodyOf(draft, true))
        : await command<HazardSourceView>('POST', '/hazard-sources', bodyOf(draft, false));
      void client.invalidateQueries({ queryKey: ['hazard-sources'] });
      void client.invalidateQueries({ queryKey: ['enterprises'] });
      if (isAccepted(outcome) || !outcome.body?.substances) {
        onDone(isAccepted(outcome) ? outcome.accepted.id : (outcome.body?.id ?? source?.id ?? null));
      } else {
        client.setQueryData(hazardSourceKey(outcome.body.id), outcome.body);
        setSaved(outcome.body);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const problem = (key: string) =>
    shown[key] ? (
      <span className="field-error" data-testid={`hazard-problem-${key.replace(/\./g, '-')}`}>
        {t(shown[key])}
      </span>
    ) : null;

  if (saved) {
    const gradeText =
      saved.isMajor && saved.grade
        ? t('hazards.gradeFull', { grade: t(`hazards.grade.${saved.grade}`) })
        : t('hazards.notMajor');
    return (
      <div className="supervision-panel" data-testid="hazard-saved">
        <div className="feedback ok" role="status" data-testid="hazard-saved-grade">
          {t('hazards.form.saved', { grade: gradeText })}
        </div>
        <h3>{t('hazards.form.lookup')}</h3>
        <ul data-testid="hazard-lookup">
          {lookupLines(saved, t, (c, l) => nameOf('hazards.category', c, l)).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={() => onDone(saved.id)} data-testid="hazard-saved-done">
          {t('hazards.form.done')}
        </button>
      </div>
    );
  }

  return (
    <form className="supervision-panel" onSubmit={(e) => void submit(e)} noValidate data-testid="hazard-form">
      <h2>{t(editing ? 'hazards.form.editTitle' : 'hazards.form.registerTitle')}</h2>
      <div className="row">
        {!editing && (
          <label className={shown.enterpriseId ? 'field invalid' : 'field'}>
            <span>{t('hazards.form.enterprise')}</span>
            <select
              value={draft.enterpriseId}
              onChange={(e) => setDraft((d) => ({ ...d, enterpriseId: e.target.value }))}
              data-testid="hazard-enterprise">
              <option value="">{t('hazards.form.chooseEnterprise')}</option>
              {(enterprises.data ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            {problem('enterpriseId')}
          </label>
        )}
        <label className={shown.name ? 'field invalid' : 'field'}>
          <span>{t('hazards.form.name')}</span>
          <input
            value={draft.name}
            onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            data-testid="hazard-name"
          />
          {problem('name')}
        </label>
        <label className="field">
          <span>{t('hazards.form.unitKind')}</span>
          <select
            value={draft.unitKind}
            disabled={editing}
            onChange={(e) => setDraft((d) => ({ ...d, unitKind: e.target.value as HazardUnitKind }))}
            data-testid="hazard-unit-kind">
            <option value="storage">{t('hazards.unitKind.storage')}</option>
            <option value="production">{t('hazards.unitKind.production')}</option>
          </select>
        </label>
        <label className={shown.exposedPopulation ? 'field invalid' : 'field'}>
          <span>{t('hazards.form.exposed')}</span>
          <input
            value={draft.exposedPopulation}
            inputMode="numeric"
            onChange={(e) => setDraft((d) => ({ ...d, exposedPopulation: e.target.value }))}
            data-testid="hazard-exposed"
          />
          {problem('exposedPopulation')}
        </label>
      </div>
      <fieldset>
        <legend>{t('hazards.form.substances')}</legend>
        <p className="small muted">{t('hazards.form.substancesHint')}</p>
        {problem('substances')}
        <div className="substance-row small muted" aria-hidden="true">
          <span>{t('hazards.sub.cas')}</span>
          <span>{t('hazards.sub.name')}</span>
          <span>{t('hazards.sub.class')}</span>
          <span>{t('hazards.sub.q')}</span>
          <span>{`${t('hazards.sub.Q')}（${t('hazards.form.optional')}）`}</span>
          <span>{`${t('hazards.sub.beta')}（${t('hazards.form.optional')}）`}</span>
          <span />
        </div>
        {draft.substances.map((s, i) => (
          <div className="substance-row" key={i} data-testid="hazard-substance-row">
            <input
              aria-label={`${t('hazards.sub.cas')} ${i + 1}`}
              value={s.casNo}
              onChange={(e) => setRow(i, { casNo: e.target.value })}
              data-testid="hazard-sub-cas"
            />
            <span>
              <input
                aria-label={`${t('hazards.sub.name')} ${i + 1}`}
                value={s.name}
                onChange={(e) => setRow(i, { name: e.target.value })}
                data-testid="hazard-sub-name"
              />
              {problem(`substances.${i}.name`)}
            </span>
            <select
              aria-label={`${t('hazards.sub.class')} ${i + 1}`}
              value={s.category}
              onChange={(e) => setRow(i, { category: e.target.value as HazardClassCode | '' })}
              data-testid="hazard-sub-category">
              <option value="">{t('hazards.category.auto')}</option>
              {HAZARD_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {t(`hazards.class.${c}`)}
                </option>
              ))}
            </select>
            <span>
              <input
                aria-label={`${t('hazards.sub.q')} ${i + 1}`}
                value={s.quantityTonnes}
                inputMode="decimal"
                onChange={(e) => setRow(i, { quantityTonnes: e.target.value })}
                data-testid="hazard-sub-q"
              />
              {problem(`substances.${i}.quantityTonnes`)}
            </span>
            <span>
              <input
                aria-label={`${t('hazards.sub.Q')} ${i + 1}`}
                value={s.criticalQuantityTonnes}
                inputMode="decimal"
                onChange={(e) => setRow(i, { criticalQuantityTonnes: e.target.value })}
                data-testid="hazard-sub-Q"
              />
              {problem(`substances.${i}.criticalQuantityTonnes`)}
            </span>
            <span>
              <input
                aria-label={`${t('hazards.sub.beta')} ${i + 1}`}
                value={s.beta}
                inputMode="decimal"
                onChange={(e) => setRow(i, { beta: e.target.value })}
                data-testid="hazard-sub-beta"
              />
              {problem(`substances.${i}.beta`)}
            </span>
            <button
              type="button"
              className="linkish"
              disabled={draft.substances.length === 1}
              onClick={() => setDraft((d) => ({ ...d, substances: d.substances.filter((_, j) => j !== i) }))}>
              {t('hazards.form.removeSubstance')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setDraft((d) => ({ ...d, substances: [...d.substances, { ...EMPTY_SUBSTANCE }] }))}
          data-testid="hazard-add-substance">
          {t('hazards.form.addSubstance')}
        </button>
      </fieldset>
      <ErrorMessage error={error} testId="hazard-form-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="hazard-submit">
          {busy ? t('enterprises.form.saving') : t(editing ? 'hazards.form.submitEdit' : 'hazards.form.submitRegister')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('enterprises.form.cancel')}
        </button>
      </div>
    </form>
  );
}
