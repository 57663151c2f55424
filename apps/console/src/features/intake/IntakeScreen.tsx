import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { JurisdictionNode } from '@app/shared/contract';
import { ApiError, commandPost, errorText } from '../../api';
import { FieldError } from '../../components';
import { CATEGORIES, useI18n, type MessageKey } from '../../i18n';
import { navigate } from '../../router';
import { can, jurisdictionsWithin, useStore } from '../../store';
import { formatTime, nowShanghaiInput } from '../../time';
import type { GazetteerEntryView, IncidentView } from '@app/incidents/contract';
import type { IncidentIntakeDraft } from '@app/monitoring/contract';
import { alarmDraftQuery, alarmIdFrom, valuesFromDraft } from '../alarm-intake/alarm-draft';
import { ErrorMessage } from '../errors/ErrorMessage';
import type { Session } from '../../ui-types';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { GazetteerSearch } from './GazetteerSearch';
import { COUNTS, FIELDS, fieldOfPath, incidentBody, validate, type Field, type Values } from './intake-form';
import { nearbyQuery, NearbyIncidentsWarning, useNearbyIncidents, type NearbyPoint } from './NearbyIncidents';
import { PlaceMap } from './PlaceMap';
import { applyTemplate, conflictsOf, TEMPLATES, type IntakeTemplate } from './templates';
import { useDebounced } from './use-debounced';
import './intake.css';

export { fieldOfPath } from './intake-form';

/** The route's screen: the form, fed the jurisdiction tree from the store and telling the board of a new incident. */
export function IntakeScreen({ session }: { session: Session }) {
  const { state, dispatch } = useStore();
  const onCreated = useCallback(
    (created: IncidentView) => dispatch({ type: 'incident.upsert', incident: created }),
    [dispatch],
  );
  const alarmId = alarmIdFrom(window.location.search);
  if (alarmId)
    return (
      <IntakeFromAlarm alarmId={alarmId} session={session} jurisdictions={state.jurisdictions} onCreated={onCreated} />
    );
  return <IntakeForm session={session} jurisdictions={state.jurisdictions} onCreated={onCreated} />;
}

/**
 * `/intake?fromAlarm=<id>`: the form prefilled from a monitoring alarm's draft (POST /alarms/{id}/open-incident). The
 * draft files nothing: the officer reviews it, adds the caller and submits as any other report.
 */
export function IntakeFromAlarm({
  alarmId,
  session,
  jurisdictions,
  onCreated,
}: {
  alarmId: string;
  session: Session;
  jurisdictions: JurisdictionNode[];
  onCreated: (incident: IncidentView) => void;
}) {
  const { t } = useI18n();
  const draft = useQuery({ ...alarmDraftQuery(alarmId), enabled: can(session, 'report') });
  if (!can(session, 'report')) return <p className="notice">{t('intake.forbidden')}</p>;
  if (draft.isPending) return <p className="muted">{t('alarmIntake.draft.loading')}</p>;
  if (draft.isError)
    return (
      <section>
        <h1>{t('intake.title')}</h1>
        <ErrorMessage error={draft.error} testId="intake-from-alarm-error" />
        <button
          type="button"
          className="linkish"
          data-testid="intake-from-alarm-blank"
          onClick={() => navigate('/intake')}>
          {t('alarmIntake.draft.blank')}
        </button>
      </section>
    );
  return (
    <IntakeForm
      key={alarmId}
      session={session}
      jurisdictions={jurisdictions}
      onCreated={onCreated}
      fromAlarm={draft.data}
    />
  );
}

function emptyValues(jurisdiction: string): Values {
  return {
    title: '',
    category: '',
    occurredAt: nowShanghaiInput(),
    address: '',
    lat: '',
    lng: '',
    jurisdiction,
    enterprise: '',
    reporterName: '',
    reporterPhone: '',
    reporterOrganization: '',
    deaths: '0',
    missing: '0',
    seriousInjuries: '0',
    minorInjuries: '0',
    trapped: '0',
    directLossYuan: '',
    description: '',
  };
}

/** A position the form can use (both numbers in range), else null: what the map marker and the nearby check need. */
function pointOf(values: Values): { lat: number; lng: number } | null {
  if (!values.lat.trim() || !values.lng.trim()) return null;
  const lat = Number(values.lat);
  const lng = Number(values.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/**
 * 接报登记: the place from the gazetteer or the map, a template per category, the "possibly the same incident" check
 * and a draft kept per user across reloads.
 */
export function IntakeForm({
  session,
  jurisdictions,
  onCreated,
  fromAlarm,
}: {
  session: Session;
  jurisdictions: JurisdictionNode[];
  onCreated: (incident: IncidentView) => void;
  /** A monitoring alarm's draft: the first values instead of a blank form or the draft kept from before. */
  fromAlarm?: IncidentIntakeDraft;
}) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const userId = session.user.id;
  // Only where the user may report: its own jurisdiction and those below (anything else would be refused with 403).
  const places = useMemo(
    () => jurisdictionsWithin(jurisdictions, session.user.jurisdiction),
    [jurisdictions, session.user.jurisdiction],
  );
  // Read once per mount: the draft this user left (never another user's: the key is the user's id).
  const [restored, setRestored] = useState(() => (fromAlarm ? null : loadDraft(userId)));
  const [values, setValues] = useState<Values>(() =>
    fromAlarm
      ? valuesFromDraft(fromAlarm, emptyValues(session.user.jurisdiction))
      : (restored?.values ?? emptyValues(session.user.jurisdiction)),
  );
  // Saved only once something was typed or picked, so opening the screen does not leave an empty draft behind.
  const dirty = useRef(false);
  const submitted = useRef(false);
  useEffect(() => {
    if (dirty.current && !submitted.current) saveDraft(userId, values);
  }, [userId, values]);
  const [picked, setPicked] = useState<GazetteerEntryView | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [template, setTemplate] = useState<IntakeTemplate | null>(null);
  const [pendingTemplate, setPendingTemplate] = useState<{ template: IntakeTemplate; conflicts: Field[] } | null>(null);
  const [confirmedNew, setConfirmedNew] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const formRef = useRef<HTMLFormElement>(null);

  const point = pointOf(values);
  const nearbyPoint = useDebounced<NearbyPoint | null>(
    useMemo(
      () => (point ? { lat: point.lat, lng: point.lng, address: values.address.trim() } : null),
      [point?.lat, point?.lng, values.address], // eslint-disable-line react-hooks/exhaustive-deps -- the point's numbers are its identity
    ),
    400,
  );
  const nearby = useNearbyIncidents(nearbyPoint);
  const nearbyIncidents = nearby.data ?? [];
  const nearbyIds = nearbyIncidents.map((i) => i.id).join(',');
  // A confirmation holds for the incidents it was given for: another one nearby asks again.
  useEffect(() => setConfirmedNew(false), [nearbyIds]);

  if (!can(session, 'report')) return <p className="notice">{t('intake.forbidden')}</p>;

  const change = (next: Values, fields: Field[]) => {
    dirty.current = true;
    setValues(next);
    const checked = validate(next, t);
    setErrors((e) => {
      const updated = { ...e };
      for (const f of fields) if (touched[f] || e[f]) updated[f] = checked[f];
      return updated;
    });
  };
  const set = (f: Field, value: string) => change({ ...values, [f]: value }, [f]);

  const pickEntry = (entry: GazetteerEntryView) => {
    setPicked(entry);
    change(
      {
        ...values,
        address: entry.address,
        lat: String(entry.lat),
        lng: String(entry.lng),
        // The entry's jurisdiction when the user may report there (the server only lists those).
        jurisdiction: places.some((p) => p.code === entry.jurisdiction) ? entry.jurisdiction : values.jurisdiction,
        enterprise: entry.kind === 'enterprise' ? entry.name : values.enterprise,
      },
      ['address', 'lat', 'lng', 'jurisdiction', 'enterprise'],
    );
  };

  const pickOnMap = (lat: number, lng: number) => {
    setPicked(null);
    change({ ...values, lat: String(lat), lng: String(lng) }, ['lat', 'lng']);
  };

  const chooseTemplate = (id: string) => {
    const chosen = TEMPLATES.find((x) => x.id === id) ?? null;
    setPendingTemplate(null);
    setTemplate(chosen);
    if (!chosen) return;
    const conflicts = conflictsOf(chosen, values);
    if (conflicts.length === 0) change(applyTemplate(chosen, values, false), ['category', 'title', 'description']);
    else setPendingTemplate({ template: chosen, conflicts });
  };
  const settleTemplate = (replace: boolean) => {
    if (!pendingTemplate) return;
    change(applyTemplate(pendingTemplate.template, values, replace), ['category', 'title', 'description']);
    setPendingTemplate(null);
  };

  const discardDraft = () => {
    clearDraft(userId);
    dirty.current = false;
    setRestored(null);
    setPicked(null);
    setTemplate(null);
    setPendingTemplate(null);
    setErrors({});
    setTouched({});
    setFormError(null);
    setValues(emptyValues(session.user.jurisdiction));
  };
  const blur = (f: Field) => {
    setTouched((x) => ({ ...x, [f]: true }));
    setErrors((e) => ({ ...e, [f]: validate(values, t)[f] }));
  };

  const focusFirst = (errs: Partial<Record<Field, string>>) => {
    const first = FIELDS.find((f) => errs[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validate(values, t);
    setErrors(errs);
    if (Object.values(errs).some(Boolean)) {
      setFormError(t('intake.hasErrors'));
      focusFirst(errs);
      return;
    }
    // The check that runs while typing may not have answered yet for this very point: ask now, before anything is sent.
    // Should the check itself fail, the report still goes (a duplicate costs less than a report never made).
    const found = await queryClient
      .fetchQuery(nearbyQuery({ lat: Number(values.lat), lng: Number(values.lng), address: values.address.trim() }))
      .catch(() => nearbyIncidents);
    if (found.length > 0 && !(confirmedNew && found.every((i) => nearbyIds.split(',').includes(i.id)))) {
      setFormError(t('intake.nearby.confirmFirst'));
      formRef.current?.querySelector<HTMLElement>('[data-testid="intake-nearby-confirm"]')?.focus();
      return;
    }
    setFormError(null);
    setBusy(true);
    const body = {
      ...incidentBody(values),
      // The registered enterprise, while the form still names it (an edited name is a free-text unit again).
      ...(fromAlarm && values.enterprise.trim() === fromAlarm.enterprise
        ? { enterpriseId: fromAlarm.enterpriseId }
        : {}),
    };
    try {
      const outcome = await commandPost<IncidentView>('/incidents', body);
      // Stored (whether readable yet or not): the draft has served its purpose.
      submitted.current = true;
      clearDraft(userId);
      if (outcome.kind === 'accepted') {
        // Stored, not yet readable: the detail screen says so and waits for it.
        navigate(`/incidents/${outcome.accepted.id}`);
        return;
      }
      const created = outcome.body;
      if (created && created.id && created.title) onCreated(created);
      navigate(`/incidents/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        const server: Partial<Record<Field, string>> = {};
        const unplaced: string[] = [];
        for (const fe of err.errors) {
          const f = fieldOfPath(fe.path);
          if (f) server[f] = server[f] ? `${server[f]}；${fe.message}` : fe.message;
          else unplaced.push(fe.message);
        }
        setErrors(server);
        setFormError([err.message, ...unplaced].join('；'));
        focusFirst(server);
      } else {
        setFormError(errorText(err, t('error.generic'), t('command.uncertain')));
      }
    } finally {
      setBusy(false);
    }
  };

  const input = (f: Field, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className={`field field-${f}${errors[f] ? ' invalid' : ''}`}>
      <label htmlFor={`intake-${f}`}>
        {t(`f.${f}` as MessageKey)}
        {props.required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <input
        id={`intake-${f}`}
        name={f}
        data-testid={`intake-${f}`}
        value={values[f]}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={errors[f] ? `error-${f}` : undefined}
        onChange={(e) => set(f, e.target.value)}
        onBlur={() => blur(f)}
        {...props}
      />
      <FieldError field={f} message={errors[f]} />
    </div>
  );
  const select = (f: Field, options: { value: string; label: string }[]) => (
    <div className={`field field-${f}${errors[f] ? ' invalid' : ''}`}>
      <label htmlFor={`intake-${f}`}>
        {t(`f.${f}` as MessageKey)}
        <span className="req" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      <select
        id={`intake-${f}`}
        name={f}
        data-testid={`intake-${f}`}
        value={values[f]}
        required
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={errors[f] ? `error-${f}` : undefined}
        onChange={(e) => set(f, e.target.value)}
        onBlur={() => blur(f)}>
        <option value="">{t('choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError field={f} message={errors[f]} />
    </div>
  );

  return (
    <section aria-labelledby="intake-heading">
      <h1 id="intake-heading">{t('intake.title')}</h1>
      {restored && (
        <div className="notice intake-notice" data-testid="intake-draft-restored" role="status">
          <span>{t('intake.draft.restored', { time: formatTime(restored.savedAt, true) })}</span>
          <button type="button" className="linkish" data-testid="intake-draft-discard" onClick={discardDraft}>
            {t('intake.draft.discard')}
          </button>
        </div>
      )}
      {fromAlarm && (
        <div className="notice intake-from-alarm" data-testid="intake-from-alarm" role="status">
          <div>{t('alarmIntake.draft.from', { title: fromAlarm.title })}</div>
          {values.enterprise.trim() === fromAlarm.enterprise && (
            <div className="small" data-testid="intake-from-alarm-enterprise">
              {t('alarmIntake.draft.enterprise', { name: fromAlarm.enterprise })}
            </div>
          )}
        </div>
      )}
      <form ref={formRef} className="intake" data-testid="intake-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('intake.section.basic')}</legend>
          <div className="row">
            <div className="field field-template">
              <label htmlFor="intake-template">{t('intake.template.label')}</label>
              <select
                id="intake-template"
                data-testid="intake-template"
                value={template?.id ?? ''}
                onChange={(e) => chooseTemplate(e.target.value)}>
                <option value="">{t('intake.template.none')}</option>
                {CATEGORIES.filter((c) => TEMPLATES.some((x) => x.fills.category === c.code)).map((c) => (
                  <optgroup key={c.code} label={c[lang]}>
                    {TEMPLATES.filter((x) => x.fills.category === c.code).map((x) => (
                      <option key={x.id} value={x.id}>
                        {t(x.label)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>
          {pendingTemplate && (
            <div className="notice" data-testid="intake-template-conflict" role="alert">
              <p>
                {t('intake.template.conflict', {
                  fields: pendingTemplate.conflicts.map((f) => t(`f.${f}` as MessageKey)).join('、'),
                })}
              </p>
              <button type="button" data-testid="intake-template-replace" onClick={() => settleTemplate(true)}>
                {t('intake.template.replace')}
              </button>{' '}
              <button type="button" data-testid="intake-template-fill-blank" onClick={() => settleTemplate(false)}>
                {t('intake.template.fillBlank')}
              </button>{' '}
              <button
                type="button"
                className="linkish"
                data-testid="intake-template-cancel"
                onClick={() => {
                  setPendingTemplate(null);
                  setTemplate(null);
                }}>
                {t('intake.template.cancel')}
              </button>
            </div>
          )}
          {template && (
            <div className="intake-ask-box" data-testid="intake-template-ask">
              <strong>{t('intake.template.ask')}</strong>
              <ul className="intake-ask">
                {template.ask.map((k) => (
                  <li key={k}>{t(k)}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="row">
            {input('title', { required: true, maxLength: 200, className: 'wide' })}
            {select(
              'category',
              CATEGORIES.map((c) => ({ value: c.code, label: c[lang] })),
            )}
          </div>
          <div className="row">{input('enterprise')}</div>
        </fieldset>
        <fieldset>
          <legend>{t('intake.section.location')}</legend>
          <GazetteerSearch onPick={pickEntry} />
          {picked && (
            <p className="small" data-testid="intake-place-picked" role="status">
              {t('intake.place.picked', {
                name: picked.name,
                kind: t(`intake.place.kind.${picked.kind}` as MessageKey),
                jurisdiction: picked.jurisdictionName,
              })}
              {picked.approximate && <span className="muted"> · {t('intake.place.pickedApproximate')}</span>}
            </p>
          )}
          <p>
            <button
              type="button"
              className="linkish"
              data-testid="intake-map-toggle"
              aria-expanded={showMap}
              onClick={() => setShowMap((x) => !x)}>
              {showMap ? t('intake.place.closeMap') : t('intake.place.openMap')}
            </button>
          </p>
          {showMap && <PlaceMap lat={point?.lat ?? null} lng={point?.lng ?? null} onPick={pickOnMap} />}
          <div className="row">
            {input('occurredAt', { type: 'datetime-local', required: true })}
            {select(
              'jurisdiction',
              places.map((p) => ({ value: p.code, label: `${'\u3000'.repeat(p.depth)}${p.name}（${p.code}）` })),
            )}
          </div>
          <div className="row">
            {input('address', { required: true })}
            {input('lat', { inputMode: 'decimal', required: true, placeholder: '37.5' })}
            {input('lng', { inputMode: 'decimal', required: true, placeholder: '105.2' })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('intake.section.reporter')}</legend>
          <div className="row">
            {input('reporterName', { required: true })}
            {input('reporterPhone', { required: true, type: 'tel' })}
            {input('reporterOrganization', { required: true })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('intake.section.casualties')}</legend>
          <div className="row counts">
            {COUNTS.map((c) => (
              <div key={c}>{input(c, { inputMode: 'numeric' })}</div>
            ))}
            {input('directLossYuan', { inputMode: 'numeric' })}
          </div>
        </fieldset>
        <div className={`field field-description${errors.description ? ' invalid' : ''}`}>
          <label htmlFor="intake-description">
            {t('f.description')}
            <span className="req" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <textarea
            id="intake-description"
            name="description"
            data-testid="intake-description"
            rows={4}
            value={values.description}
            required
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? 'error-description' : undefined}
            onChange={(e) => set('description', e.target.value)}
            onBlur={() => blur('description')}
          />
          <FieldError field="description" message={errors.description} />
        </div>
        {nearbyIncidents.length > 0 && (
          <NearbyIncidentsWarning incidents={nearbyIncidents} confirmed={confirmedNew} onConfirm={setConfirmedNew} />
        )}
        {formError && (
          <div className="form-error" data-testid="intake-error" role="alert">
            {formError}
          </div>
        )}
        <button type="submit" className="primary" data-testid="intake-submit" disabled={busy}>
          {busy ? t('intake.submitting') : t('intake.submit')}
        </button>
      </form>
    </section>
  );
}
