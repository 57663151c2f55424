import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, commandPost, errorText } from '../api';
import { FieldError } from '../components';
import { CATEGORIES, useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { can, jurisdictionsWithin, useStore } from '../store';
import { nowShanghaiInput } from '../time';
import type { IncidentView } from '@app/incidents/contract';
import type { Session } from '../ui-types';
import { COUNTS, FIELDS, fieldOfPath, incidentBody, validate, type Field, type Values } from './intake/intake-form';

export { fieldOfPath } from './intake/intake-form';

export function IntakeScreen({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const { state, dispatch } = useStore();
  // Only where the user may report: its own jurisdiction and those below (anything else would be refused with 403).
  const places = useMemo(
    () => jurisdictionsWithin(state.jurisdictions, session.user.jurisdiction),
    [state.jurisdictions, session.user.jurisdiction],
  );
  const [values, setValues] = useState<Values>(() => ({
    title: '',
    category: '',
    occurredAt: nowShanghaiInput(),
    address: '',
    lat: '',
    lng: '',
    jurisdiction: session.user.jurisdiction,
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
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const formRef = useRef<HTMLFormElement>(null);

  if (!can(session, 'report')) return <p className="notice">{t('intake.forbidden')}</p>;

  const set = (f: Field, value: string) => {
    const next = { ...values, [f]: value };
    setValues(next);
    if (touched[f] || errors[f]) setErrors((e) => ({ ...e, [f]: validate(next, t)[f] }));
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
    setFormError(null);
    setBusy(true);
    const body = incidentBody(values);
    try {
      const outcome = await commandPost<IncidentView>('/incidents', body);
      if (outcome.kind === 'accepted') {
        // Stored, not yet readable: the detail screen says so and waits for it.
        navigate(`/incidents/${outcome.accepted.id}`);
        return;
      }
      const created = outcome.body;
      if (created && created.id && created.title) dispatch({ type: 'incident.upsert', incident: created });
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
      <form ref={formRef} className="intake" data-testid="intake-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('intake.section.basic')}</legend>
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
