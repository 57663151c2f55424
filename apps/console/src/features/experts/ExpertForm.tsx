import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ExpertSpecialty, ExpertView } from '@app/experts/contract';
import { command, isAccepted } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { expertKeys, flatTree, SPECIALTIES, useJurisdictionTree } from './queries';

interface Draft {
  name: string;
  specialties: ExpertSpecialty[];
  title: string;
  organization: string;
  phone: string;
  jurisdiction: string;
}
type Field = keyof Draft;

function draftOf(e: ExpertView | null, jurisdiction: string): Draft {
  return {
    name: e?.name ?? '',
    specialties: e?.specialties ?? [],
    title: e?.title ?? '',
    organization: e?.organization ?? '',
    phone: e?.phone ?? '',
    jurisdiction: e?.jurisdiction ?? jurisdiction,
  };
}

/** The problems a draft has before it is sent, by field (each a message key). */
export function checkExpertDraft(d: Draft): Partial<Record<Field, MessageKey>> {
  const problems: Partial<Record<Field, MessageKey>> = {};
  for (const f of ['name', 'title', 'organization', 'phone', 'jurisdiction'] as const)
    if (!d[f].trim()) problems[f] = 'experts.check.required';
  if (d.specialties.length === 0) problems.specialties = 'experts.check.specialties';
  return problems;
}

/**
 * 登记专家 / 修改专家信息 (admins). POST /experts takes every field; PATCH /experts/{id} every field but the
 * jurisdiction, which is fixed at registration (the library of one bureau).
 */
export function ExpertForm({
  expert,
  defaultJurisdiction,
  onDone,
  onCancel,
}: {
  expert: ExpertView | null;
  defaultJurisdiction: string;
  onDone: (id: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const editing = expert !== null;
  const tree = useJurisdictionTree();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(expert, defaultJurisdiction));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = checkExpertDraft(draft);
  const shown = touched ? problems : {};
  const set = (f: Exclude<Field, 'specialties'>) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value }));
  const toggle = (s: ExpertSpecialty) =>
    setDraft((d) => ({
      ...d,
      specialties: d.specialties.includes(s) ? d.specialties.filter((x) => x !== s) : [...d.specialties, s],
    }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    const body = {
      name: draft.name.trim(),
      // In the catalogue's order, whatever order they were ticked in.
      specialties: SPECIALTIES.filter((s) => draft.specialties.includes(s)),
      title: draft.title.trim(),
      organization: draft.organization.trim(),
      phone: draft.phone.trim(),
      ...(editing ? {} : { jurisdiction: draft.jurisdiction }),
    };
    try {
      const outcome = editing
        ? await command<ExpertView>('PATCH', `/experts/${expert.id}`, body)
        : await command<ExpertView>('POST', '/experts', body);
      void client.invalidateQueries({ queryKey: expertKeys.all });
      if (isAccepted(outcome)) onDone(outcome.accepted.id ?? expert?.id ?? null);
      else {
        if (outcome.body?.id) client.setQueryData(expertKeys.one(outcome.body.id), outcome.body);
        onDone(outcome.body?.id ?? expert?.id ?? null);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const problem = (f: Field) =>
    shown[f] && (
      <span className="field-error" data-testid={`expert-problem-${f}`}>
        {t(shown[f])}
      </span>
    );
  const text = (f: Exclude<Field, 'specialties' | 'jurisdiction'>, label: MessageKey, extra = {}) => (
    <label className={shown[f] ? 'field invalid' : 'field'}>
      <span>{t(label)}</span>
      <input
        value={draft[f]}
        onChange={set(f)}
        data-testid={`expert-${f}`}
        aria-invalid={Boolean(shown[f])}
        {...extra}
      />
      {problem(f)}
    </label>
  );

  return (
    <form className="resources-panel" onSubmit={(e) => void submit(e)} noValidate data-testid="expert-form">
      <h2>{t(editing ? 'experts.form.editTitle' : 'experts.form.registerTitle')}</h2>
      <div className="row">
        {text('name', 'experts.form.name')}
        {text('title', 'experts.form.title', { placeholder: t('experts.form.titlePlaceholder') })}
      </div>
      <div className="row">
        {text('organization', 'experts.form.organization')}
        {text('phone', 'experts.form.phone', { inputMode: 'tel' })}
        {editing ? (
          <div className="field">
            <span>{t('experts.form.jurisdiction')}</span>
            <span data-testid="expert-jurisdiction-fixed">{expert.jurisdictionName}</span>
          </div>
        ) : (
          <label className={shown.jurisdiction ? 'field invalid' : 'field'}>
            <span>{t('experts.form.jurisdiction')}</span>
            <select value={draft.jurisdiction} onChange={set('jurisdiction')} data-testid="expert-jurisdiction">
              <option value="">—</option>
              {flatTree(tree.data ?? []).map((j) => (
                <option key={j.code} value={j.code}>
                  {`${'　'.repeat(j.depth)}${j.name}`}
                </option>
              ))}
            </select>
            {problem('jurisdiction')}
          </label>
        )}
      </div>
      <fieldset className={shown.specialties ? 'field invalid' : 'field'} data-testid="expert-specialties">
        <legend>{t('experts.form.specialties')}</legend>
        <div className="resources-checks">
          {SPECIALTIES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={draft.specialties.includes(s)}
                onChange={() => toggle(s)}
                data-testid={`expert-specialty-${s}`}
              />
              {t(`experts.specialty.${s}`)}
            </label>
          ))}
        </div>
        {problem('specialties')}
      </fieldset>
      <ErrorMessage error={error} testId="expert-form-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="expert-submit">
          {busy ? t('experts.form.saving') : t(editing ? 'experts.form.submitEdit' : 'experts.form.submitRegister')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('experts.form.cancel')}
        </button>
      </div>
    </form>
  );
}
