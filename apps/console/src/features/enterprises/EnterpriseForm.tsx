import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EnterpriseIndustry, EnterpriseView } from '@app/enterprises/contract';
import { command, isAccepted } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import { enterpriseKey, flatTree, INDUSTRIES, useJurisdictionTree } from './queries';

interface Draft {
  name: string;
  creditCode: string;
  industry: EnterpriseIndustry | '';
  jurisdiction: string;
  address: string;
  lat: string;
  lng: string;
  principalName: string;
  principalPhone: string;
  safetyName: string;
  safetyPhone: string;
}

type Field = keyof Draft;

const CREDIT_PROBLEM: Record<string, MessageKey> = {
  length: 'enterprises.check.creditLength',
  characters: 'enterprises.check.creditCharacters',
  authority: 'enterprises.check.creditAuthority',
  kind: 'enterprises.check.creditKind',
  division: 'enterprises.check.creditDivision',
  organisation: 'enterprises.check.creditOrganisation',
  check: 'enterprises.check.creditCheck',
};

function draftOf(e: EnterpriseView | null, jurisdiction: string): Draft {
  return {
    name: e?.name ?? '',
    creditCode: e?.creditCode ?? '',
    industry: e?.industry ?? '',
    jurisdiction: e?.jurisdiction ?? jurisdiction,
    address: e?.address ?? '',
    lat: e ? String(e.location.lat) : '',
    lng: e ? String(e.location.lng) : '',
    principalName: e?.contacts.principal.name ?? '',
    principalPhone: e?.contacts.principal.phone ?? '',
    safetyName: e?.contacts.safety?.name ?? '',
    safetyPhone: e?.contacts.safety?.phone ?? '',
  };
}

/** The problems a draft has before it is sent, by field (each a message key). */
export function checkEnterpriseDraft(d: Draft, editing: boolean): Partial<Record<Field, MessageKey>> {
  const problems: Partial<Record<Field, MessageKey>> = {};
  const required: Field[] = ['name', 'industry', 'jurisdiction', 'address', 'principalName', 'principalPhone'];
  for (const f of required) if (!d[f].trim()) problems[f] = 'enterprises.check.required';
  if (!editing) {
    const credit = d.creditCode.trim() ? creditCodeProblem(d.creditCode) : 'required';
    if (credit === 'required') problems.creditCode = 'enterprises.check.required';
    else if (credit) problems.creditCode = CREDIT_PROBLEM[credit];
  }
  const lat = Number(d.lat);
  if (!d.lat.trim()) problems.lat = 'enterprises.check.required';
  else if (!Number.isFinite(lat) || lat < -90 || lat > 90) problems.lat = 'enterprises.check.lat';
  const lng = Number(d.lng);
  if (!d.lng.trim()) problems.lng = 'enterprises.check.required';
  else if (!Number.isFinite(lng) || lng < -180 || lng > 180) problems.lng = 'enterprises.check.lng';
  if (Boolean(d.safetyName.trim()) !== Boolean(d.safetyPhone.trim()))
    problems.safetyName = 'enterprises.check.safetyPair';
  return problems;
}

/**
 * What is sent: POST /enterprises takes every field; PATCH /enterprises/{id} every field but the credit code and the
 * jurisdiction, which are fixed at registration.
 */
function bodyOf(d: Draft, editing: boolean) {
  const safety = d.safetyName.trim() ? { name: d.safetyName.trim(), phone: d.safetyPhone.trim() } : null;
  return {
    name: d.name.trim(),
    ...(editing ? {} : { creditCode: normalizeCreditCode(d.creditCode), jurisdiction: d.jurisdiction }),
    industry: d.industry,
    address: d.address.trim(),
    location: { lat: Number(d.lat), lng: Number(d.lng) },
    contacts: { principal: { name: d.principalName.trim(), phone: d.principalPhone.trim() }, safety },
  };
}

/**
 * 登记企业 / 修改企业信息 (admins). The 统一社会信用代码 is checked here as the server checks it (length, alphabet,
 * check character) so a typing slip is caught before sending; whatever the server still refuses is shown through
 * `ErrorMessage`. The code and the jurisdiction are fixed once registered.
 */
export function EnterpriseForm({
  enterprise,
  defaultJurisdiction,
  onDone,
  onCancel,
}: {
  enterprise: EnterpriseView | null;
  defaultJurisdiction: string;
  onDone: (id: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const editing = enterprise !== null;
  const tree = useJurisdictionTree();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(enterprise, defaultJurisdiction));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = checkEnterpriseDraft(draft, editing);
  const shown = touched ? problems : {};
  const set = (f: Field) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [f]: e.target.value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = editing
        ? await command<EnterpriseView>('PATCH', `/enterprises/${enterprise.id}`, bodyOf(draft, true))
        : await command<EnterpriseView>('POST', '/enterprises', bodyOf(draft, false));
      void client.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      if (isAccepted(outcome)) {
        void client.invalidateQueries({ queryKey: ['enterprises'] });
        onDone(outcome.accepted.id ?? enterprise?.id ?? null);
      } else {
        if (outcome.body?.id) client.setQueryData(enterpriseKey(outcome.body.id), outcome.body);
        onDone(outcome.body?.id ?? enterprise?.id ?? null);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (f: Field, labelKey: MessageKey, input: React.ReactNode, hint?: string) => (
    <label className={shown[f] ? 'field invalid' : 'field'}>
      <span>{t(labelKey)}</span>
      {input}
      {hint && <span className="small muted">{hint}</span>}
      {shown[f] && (
        <span className="field-error" data-testid={`enterprise-problem-${f}`}>
          {t(shown[f])}
        </span>
      )}
    </label>
  );
  const text = (f: Field, testId: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input value={draft[f]} onChange={set(f)} data-testid={testId} aria-invalid={Boolean(shown[f])} {...extra} />
  );

  return (
    <form className="supervision-panel" onSubmit={(e) => void submit(e)} noValidate data-testid="enterprise-form">
      <h2>{t(editing ? 'enterprises.form.editTitle' : 'enterprises.form.registerTitle')}</h2>
      <div className="row">
        {field('name', 'enterprises.form.name', text('name', 'enterprise-name'))}
        {editing ? (
          <div className="field">
            <span>{t('enterprises.form.creditCode')}</span>
            <span data-testid="enterprise-credit-code-fixed">{enterprise.creditCode}</span>
          </div>
        ) : (
          field(
            'creditCode',
            'enterprises.form.creditCode',
            text('creditCode', 'enterprise-credit-code', { maxLength: 18, autoComplete: 'off', spellCheck: false }),
            t('enterprises.form.creditCodeHint'),
          )
        )}
      </div>
      <div className="row">
        {field(
          'industry',
          'enterprises.form.industry',
          <select value={draft.industry} onChange={set('industry')} data-testid="enterprise-industry">
            <option value="">—</option>
            {INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {t(`enterprises.industry.${i}`)}
              </option>
            ))}
          </select>,
        )}
        {editing ? (
          <div className="field">
            <span>{t('enterprises.form.jurisdiction')}</span>
            <span data-testid="enterprise-jurisdiction-fixed">{enterprise.jurisdictionName}</span>
          </div>
        ) : (
          field(
            'jurisdiction',
            'enterprises.form.jurisdiction',
            <select value={draft.jurisdiction} onChange={set('jurisdiction')} data-testid="enterprise-jurisdiction">
              <option value="">—</option>
              {flatTree(tree.data ?? []).map((j) => (
                <option key={j.code} value={j.code}>
                  {`${'　'.repeat(j.depth)}${j.name}`}
                </option>
              ))}
            </select>,
          )
        )}
      </div>
      <div className="row">
        {field('address', 'enterprises.form.address', text('address', 'enterprise-address'))}
        {field('lat', 'enterprises.form.lat', text('lat', 'enterprise-lat', { inputMode: 'decimal' }))}
        {field('lng', 'enterprises.form.lng', text('lng', 'enterprise-lng', { inputMode: 'decimal' }))}
      </div>
      <div className="row">
        {field(
          'principalName',
          'enterprises.form.principal',
          text('principalName', 'enterprise-principal-name', {
            'aria-label': `${t('enterprises.form.principal')} ${t('enterprises.form.personName')}`,
            placeholder: t('enterprises.form.personName'),
          }),
        )}
        {field(
          'principalPhone',
          'enterprises.form.personPhone',
          text('principalPhone', 'enterprise-principal-phone', { inputMode: 'tel' }),
        )}
      </div>
      <div className="row">
        {field(
          'safetyName',
          'enterprises.form.safety',
          text('safetyName', 'enterprise-safety-name', {
            'aria-label': `${t('enterprises.form.safety')} ${t('enterprises.form.personName')}`,
            placeholder: t('enterprises.form.personName'),
          }),
        )}
        {field(
          'safetyPhone',
          'enterprises.form.personPhone',
          text('safetyPhone', 'enterprise-safety-phone', { inputMode: 'tel' }),
        )}
      </div>
      <ErrorMessage error={error} testId="enterprise-form-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="enterprise-submit">
          {busy
            ? t('enterprises.form.saving')
            : t(editing ? 'enterprises.form.submitEdit' : 'enterprises.form.submitRegister')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('enterprises.form.cancel')}
        </button>
      </div>
    </form>
  );
}
