import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HiddenHazardGrade, HiddenHazardSource, HiddenHazardView } from '@app/hidden-hazards/contract';
import { command, isAccepted } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { localInputToShanghaiIso, nowShanghaiInput } from '../../time';
import { useEnterprises, useHazardSources } from '../enterprises/queries';
import { ErrorMessage } from '../errors/ErrorMessage';
import { hiddenHazardKey, STANDARD_SUGGESTIONS } from './queries';

export interface HiddenHazardDraft {
  enterpriseId: string;
  hazardSourceId: string;
  title: string;
  description: string;
  grade: HiddenHazardGrade;
  standard: string;
  /** datetime-local values, Beijing wall time. */
  foundAt: string;
  foundBy: string;
  source: HiddenHazardSource;
  measures: string;
  deadline: string;
  responsibleName: string;
  responsiblePhone: string;
}

const SOURCES: readonly HiddenHazardSource[] = ['self_inspection', 'inspection', 'report'];

export function emptyDraft(): HiddenHazardDraft {
  return {
    enterpriseId: '',
    hazardSourceId: '',
    title: '',
    description: '',
    grade: 'general',
    standard: '',
    foundAt: nowShanghaiInput(),
    foundBy: '',
    source: 'inspection',
    measures: '',
    deadline: '',
    responsibleName: '',
    responsiblePhone: '',
  };
}

type Problems = Partial<Record<keyof HiddenHazardDraft, MessageKey>>;

/** Problems by field, each a message key; a major hidden hazard names the standard it was judged by (rule 32). */
export function checkDraft(d: HiddenHazardDraft, now = Date.now()): Problems {
  const p: Problems = {};
  const required: (keyof HiddenHazardDraft)[] = [
    'enterpriseId',
    'title',
    'description',
    'foundBy',
    'measures',
    'responsibleName',
  ];
  for (const key of required) if (!d[key].trim()) p[key] = 'hiddenHazards.check.required';
  if (d.grade === 'major' && !d.standard.trim()) p.standard = 'hiddenHazards.check.standard';
  const found = localInputToShanghaiIso(d.foundAt);
  const deadline = localInputToShanghaiIso(d.deadline);
  if (!found) p.foundAt = 'hiddenHazards.check.time';
  else if (Date.parse(found) > now + 60_000) p.foundAt = 'hiddenHazards.check.foundInFuture';
  if (!deadline) p.deadline = 'hiddenHazards.check.time';
  else if (found && Date.parse(deadline) <= Date.parse(found)) p.deadline = 'hiddenHazards.check.deadlineAfterFound';
  if (d.responsiblePhone.trim() && !/^[0-9+\-() ]{5,20}$/.test(d.responsiblePhone.trim()))
    p.responsiblePhone = 'hiddenHazards.check.phone';
  return p;
}

/** The body of POST /hidden-hazards: optional fields left out when empty, times as instants with their offset. */
export function bodyOf(d: HiddenHazardDraft) {
  const phone = d.responsiblePhone.trim();
  const standard = d.standard.trim();
  return {
    enterpriseId: d.enterpriseId,
    ...(d.hazardSourceId ? { hazardSourceId: d.hazardSourceId } : {}),
    title: d.title.trim(),
    description: d.description.trim(),
    grade: d.grade,
    ...(standard ? { standard } : {}),
    foundAt: localInputToShanghaiIso(d.foundAt),
    foundBy: d.foundBy.trim(),
    source: d.source,
    rectification: {
      measures: d.measures.trim(),
      deadline: localInputToShanghaiIso(d.deadline),
      responsible: { name: d.responsibleName.trim(), ...(phone ? { phone } : {}) },
    },
  };
}

/**
 * 登记隐患: the enterprise (found by typing part of its name), the major hazard source concerned if any, the finding,
 * its grade — a major one with the standard it was judged by — and the rectification plan: measures, deadline and the
 * person responsible.
 */
export function HiddenHazardForm({ onDone, onCancel }: { onDone: (id: string | null) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const enterprises = useEnterprises();
  const [draft, setDraft] = useState<HiddenHazardDraft>(emptyDraft);
  const [search, setSearch] = useState('');
  const sources = useHazardSources({ enterpriseId: draft.enterpriseId }, draft.enterpriseId !== '');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = checkDraft(draft);
  const shown: Problems = touched ? problems : {};
  const set = (patch: Partial<HiddenHazardDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const matching = useMemo(() => {
    const words = search.trim();
    const all = enterprises.data ?? [];
    return words ? all.filter((e) => e.name.includes(words) || e.id === draft.enterpriseId) : all;
  }, [enterprises.data, search, draft.enterpriseId]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await command<HiddenHazardView>('POST', '/hidden-hazards', bodyOf(draft));
      void client.invalidateQueries({ queryKey: ['hidden-hazards'] });
      if (isAccepted(outcome)) onDone(outcome.accepted.id);
      else {
        if (outcome.body?.id) client.setQueryData(hiddenHazardKey(outcome.body.id), outcome.body);
        onDone(outcome.body?.id ?? null);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const problem = (key: keyof HiddenHazardDraft) =>
    shown[key] ? (
      <span className="field-error" data-testid={`hh-problem-${key}`}>
        {t(shown[key])}
      </span>
    ) : null;
  const cls = (key: keyof HiddenHazardDraft) => (shown[key] ? 'field invalid' : 'field');

  return (
    <form className="supervision-panel hh-form" onSubmit={(e) => void submit(e)} noValidate data-testid="hh-form">
      <h2>{t('hiddenHazards.form.title')}</h2>
      <div className="row">
        <label className="field">
          <span>{t('hiddenHazards.form.enterpriseSearch')}</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="hh-enterprise-search"
          />
        </label>
        <label className={cls('enterpriseId')}>
          <span>{t('hiddenHazards.form.enterprise')}</span>
          <select
            value={draft.enterpriseId}
            onChange={(e) => set({ enterpriseId: e.target.value, hazardSourceId: '' })}
            data-testid="hh-enterprise">
            <option value="">{t('hiddenHazards.form.chooseEnterprise')}</option>
            {matching.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          {problem('enterpriseId')}
        </label>
        <label className="field">
          <span>{t('hiddenHazards.form.hazardSource')}</span>
          <select
            value={draft.hazardSourceId}
            disabled={!draft.enterpriseId}
            onChange={(e) => set({ hazardSourceId: e.target.value })}
            data-testid="hh-hazard-source">
            <option value="">{t('hiddenHazards.form.noHazardSource')}</option>
            {(draft.enterpriseId ? (sources.data ?? []) : []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label className={cls('title')}>
          <span>{t('hiddenHazards.form.titleField')}</span>
          <input value={draft.title} onChange={(e) => set({ title: e.target.value })} data-testid="hh-title" />
          {problem('title')}
        </label>
        <label className="field">
          <span>{t('hiddenHazards.form.grade')}</span>
          <select
            value={draft.grade}
            onChange={(e) => set({ grade: e.target.value as HiddenHazardGrade })}
            data-testid="hh-grade">
            <option value="general">{t('hiddenHazards.grade.general')}</option>
            <option value="major">{t('hiddenHazards.grade.major')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('hiddenHazards.form.source')}</span>
          <select
            value={draft.source}
            onChange={(e) => set({ source: e.target.value as HiddenHazardSource })}
            data-testid="hh-source">
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`hiddenHazards.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.grade === 'major' && (
        <label className={`${cls('standard')} hh-wide`}>
          <span>{t('hiddenHazards.form.standard')}</span>
          <input
            value={draft.standard}
            list="hh-standard-suggestions"
            onChange={(e) => set({ standard: e.target.value })}
            data-testid="hh-standard"
          />
          <datalist id="hh-standard-suggestions" data-testid="hh-standard-suggestions">
            {STANDARD_SUGGESTIONS.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <span className="small muted">{t('hiddenHazards.form.standardHint')}</span>
          {problem('standard')}
        </label>
      )}
      <label className={`${cls('description')} hh-wide`}>
        <span>{t('hiddenHazards.form.description')}</span>
        <textarea
          rows={3}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
          data-testid="hh-description"
        />
        {problem('description')}
      </label>
      <div className="row">
        <label className={cls('foundAt')}>
          <span>{t('hiddenHazards.form.foundAt')}</span>
          <input
            type="datetime-local"
            value={draft.foundAt}
            onChange={(e) => set({ foundAt: e.target.value })}
            data-testid="hh-found-at"
          />
          {problem('foundAt')}
        </label>
        <label className={cls('foundBy')}>
          <span>{t('hiddenHazards.form.foundBy')}</span>
          <input value={draft.foundBy} onChange={(e) => set({ foundBy: e.target.value })} data-testid="hh-found-by" />
          {problem('foundBy')}
        </label>
      </div>
      <label className={`${cls('measures')} hh-wide`}>
        <span>{t('hiddenHazards.form.measures')}</span>
        <textarea
          rows={3}
          value={draft.measures}
          onChange={(e) => set({ measures: e.target.value })}
          data-testid="hh-measures"
        />
        {problem('measures')}
      </label>
      <div className="row">
        <label className={cls('deadline')}>
          <span>{t('hiddenHazards.form.deadline')}</span>
          <input
            type="datetime-local"
            value={draft.deadline}
            onChange={(e) => set({ deadline: e.target.value })}
            data-testid="hh-deadline"
          />
          {problem('deadline')}
        </label>
        <label className={cls('responsibleName')}>
          <span>{t('hiddenHazards.form.responsible')}</span>
          <input
            value={draft.responsibleName}
            onChange={(e) => set({ responsibleName: e.target.value })}
            data-testid="hh-responsible-name"
          />
          {problem('responsibleName')}
        </label>
        <label className={cls('responsiblePhone')}>
          <span>{t('hiddenHazards.form.responsiblePhone')}</span>
          <input
            value={draft.responsiblePhone}
            inputMode="tel"
            onChange={(e) => set({ responsiblePhone: e.target.value })}
            data-testid="hh-responsible-phone"
          />
          {problem('responsiblePhone')}
        </label>
      </div>
      <ErrorMessage error={error} testId="hh-form-error" />
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="hh-submit">
          {busy ? t('hiddenHazards.form.saving') : t('hiddenHazards.form.submit')}
        </button>
        <button type="button" onClick={onCancel} data-testid="hh-cancel">
          {t('hiddenHazards.form.cancel')}
        </button>
      </div>
    </form>
  );
}
