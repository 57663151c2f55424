import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ShelterFacility, ShelterKind, ShelterView } from '@app/shelters/contract';
import { command, isAccepted } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { flatTree, useJurisdictionTree } from '../experts/queries';
import { FACILITIES, KINDS, shelterKeys } from './queries';

interface Draft {
  name: string;
  kind: ShelterKind | '';
  capacity: string;
  facilities: ShelterFacility[];
  address: string;
  lat: string;
  lng: string;
  jurisdiction: string;
}
type Field = keyof Draft;

function draftOf(s: ShelterView | null, jurisdiction: string): Draft {
  return {
    name: s?.name ?? '',
    kind: s?.kind ?? '',
    capacity: s ? String(s.capacity) : '',
    facilities: s?.facilities ?? [],
    address: s?.address ?? '',
    lat: s ? String(s.location.lat) : '',
    lng: s ? String(s.location.lng) : '',
    jurisdiction: s?.jurisdiction ?? jurisdiction,
  };
}

/** The problems a draft has before it is sent, by field (each a message key). */
export function checkShelterDraft(d: Draft): Partial<Record<Field, MessageKey>> {
  const problems: Partial<Record<Field, MessageKey>> = {};
  for (const f of ['name', 'kind', 'address', 'jurisdiction'] as const)
    if (!d[f].trim()) problems[f] = 'shelters.check.required';
  if (!/^\d+$/.test(d.capacity.trim()) || Number(d.capacity) <= 0) problems.capacity = 'shelters.check.capacity';
  const lat = Number(d.lat);
  if (!d.lat.trim()) problems.lat = 'shelters.check.required';
  else if (!Number.isFinite(lat) || lat < -90 || lat > 90) problems.lat = 'shelters.check.lat';
  const lng = Number(d.lng);
  if (!d.lng.trim()) problems.lng = 'shelters.check.required';
  else if (!Number.isFinite(lng) || lng < -180 || lng > 180) problems.lng = 'shelters.check.lng';
  return problems;
}

/**
 * 登记避难场所 / 修改避难场所 (admins). POST /shelters takes every field; PATCH /shelters/{id} every field but the
 * jurisdiction, fixed at registration.
 */
export function ShelterForm({
  shelter,
  defaultJurisdiction,
  onDone,
  onCancel,
}: {
  shelter: ShelterView | null;
  defaultJurisdiction: string;
  onDone: (id: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const editing = shelter !== null;
  const tree = useJurisdictionTree();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(shelter, defaultJurisdiction));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = checkShelterDraft(draft);
  const shown = touched ? problems : {};
  const set = (f: Exclude<Field, 'facilities'>) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value }));
  const toggle = (f: ShelterFacility) =>
    setDraft((d) => ({
      ...d,
      facilities: d.facilities.includes(f) ? d.facilities.filter((x) => x !== f) : [...d.facilities, f],
    }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    const body = {
      name: draft.name.trim(),
      kind: draft.kind,
      capacity: Number(draft.capacity.trim()),
      facilities: FACILITIES.filter((f) => draft.facilities.includes(f)),
      address: draft.address.trim(),
      location: { lat: Number(draft.lat), lng: Number(draft.lng) },
      ...(editing ? {} : { jurisdiction: draft.jurisdiction }),
    };
    try {
      const outcome = editing
        ? await command<ShelterView>('PATCH', `/shelters/${shelter.id}`, body)
        : await command<ShelterView>('POST', '/shelters', body);
      void client.invalidateQueries({ queryKey: shelterKeys.all });
      if (isAccepted(outcome)) onDone(outcome.accepted.id ?? shelter?.id ?? null);
      else {
        if (outcome.body?.id) client.setQueryData(shelterKeys.one(outcome.body.id), outcome.body);
        onDone(outcome.body?.id ?? shelter?.id ?? null);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const problem = (f: Field) =>
    shown[f] && (
      <span className="field-error" data-testid={`shelter-problem-${f}`}>
        {t(shown[f])}
      </span>
    );
  const text = (f: 'name' | 'capacity' | 'address' | 'lat' | 'lng', label: MessageKey, extra = {}) => (
    <label className={shown[f] ? 'field invalid' : 'field'}>
      <span>{t(label)}</span>
      <input
        value={draft[f]}
        onChange={set(f)}
        data-testid={`shelter-${f}`}
        aria-invalid={Boolean(shown[f])}
        {...extra}
      />
      {problem(f)}
    </label>
  );

  return (
    <form className="resources-panel" onSubmit={(e) => void submit(e)} noValidate data-testid="shelter-form">
      <h2>{t(editing ? 'shelters.form.editTitle' : 'shelters.form.registerTitle')}</h2>
      <div className="row">
        {text('name', 'shelters.form.name')}
        <label className={shown.kind ? 'field invalid' : 'field'}>
          <span>{t('shelters.form.kind')}</span>
          <select value={draft.kind} onChange={set('kind')} data-testid="shelter-kind">
            <option value="">—</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`shelters.kind.${k}`)}
              </option>
            ))}
          </select>
          {problem('kind')}
        </label>
        {text('capacity', 'shelters.form.capacity', { inputMode: 'numeric' })}
      </div>
      <div className="row">
        {text('address', 'shelters.form.address')}
        {text('lat', 'shelters.form.lat', { inputMode: 'decimal' })}
        {text('lng', 'shelters.form.lng', { inputMode: 'decimal' })}
        {editing ? (
          <div className="field">
            <span>{t('shelters.form.jurisdiction')}</span>
            <span data-testid="shelter-jurisdiction-fixed">{shelter.jurisdictionName}</span>
          </div>
        ) : (
          <label className={shown.jurisdiction ? 'field invalid' : 'field'}>
            <span>{t('shelters.form.jurisdiction')}</span>
            <select value={draft.jurisdiction} onChange={set('jurisdiction')} data-testid="shelter-jurisdiction">
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
      <fieldset className="field" data-testid="shelter-facilities">
        <legend>{t('shelters.form.facilities')}</legend>
        <div className="resources-checks">
          {FACILITIES.map((f) => (
            <label key={f}>
              <input
                type="checkbox"
                checked={draft.facilities.includes(f)}
                onChange={() => toggle(f)}
                data-testid={`shelter-facility-${f}`}
              />
              {t(`shelters.facility.${f}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={error} testId="shelter-form-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="shelter-submit">
          {busy ? t('shelters.form.saving') : t(editing ? 'shelters.form.submitEdit' : 'shelters.form.submitRegister')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('shelters.form.cancel')}
        </button>
      </div>
    </form>
  );
}
