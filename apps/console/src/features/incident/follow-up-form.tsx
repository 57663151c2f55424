import { useMemo, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import type { IncidentView } from '@app/incidents/contract';
import { COUNTS } from './shared';

export function FollowUpForm({
  incident,
  busy,
  onSubmit,
}: {
  incident: IncidentView;
  busy: boolean;
  onSubmit: (body: Record<string, unknown>, reset: () => void) => void;
}) {
  const { t } = useI18n();
  const initial = () =>
    ({
      ...Object.fromEntries(COUNTS.map((c) => [c, String(incident.casualties[c])])),
      directLossYuan: incident.directLossYuan == null ? '' : String(incident.directLossYuan),
      description: '',
      measures: '',
    }) as Record<string, string>;
  const [v, setV] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useMemo(() => `${incident.id}:${incident.revision}`, [incident.id, incident.revision]);
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    // A newer revision arrived: show its figures unless the officer is typing.
    setSeenKey(key);
    if (!v.description && !v.measures) setV(initial());
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const f of [...COUNTS, 'directLossYuan'])
      if (v[f]!.trim() !== '' && !/^\d+$/.test(v[f]!.trim())) errs[f] = t('v.integer');
    for (const f of COUNTS) if (v[f]!.trim() === '') errs[f] = t('v.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = { casualties: Object.fromEntries(COUNTS.map((c) => [c, Number(v[c])])) };
    if (v.directLossYuan!.trim()) body.directLossYuan = Number(v.directLossYuan);
    if (v.description!.trim()) body.description = v.description!.trim();
    if (v.measures!.trim()) body.measures = v.measures!.trim();
    onSubmit(body, () => setV((x) => ({ ...x, description: '', measures: '' })));
  };
  return (
    <form className="stack-form" data-testid="followup-form" onSubmit={submit} noValidate>
      <div className="row counts">
        {[...COUNTS, 'directLossYuan'].map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`fu-${f}`}>{t(`f.${f}` as MessageKey)}</label>
            <input
              id={`fu-${f}`}
              data-testid={`followup-${f}`}
              inputMode="numeric"
              value={v[f]}
              onChange={(e) => setV({ ...v, [f]: e.target.value })}
              aria-invalid={errors[f] ? true : undefined}
            />
            {errors[f] && (
              <div className="field-error" role="alert">
                {errors[f]}
              </div>
            )}
          </div>
        ))}
      </div>
      <label htmlFor="fu-description">{t('f.description')}</label>
      <textarea
        id="fu-description"
        data-testid="followup-description"
        rows={2}
        value={v.description}
        onChange={(e) => setV({ ...v, description: e.target.value })}
      />
      <label htmlFor="fu-measures">{t('f.measures')}</label>
      <textarea
        id="fu-measures"
        data-testid="followup-measures"
        rows={2}
        value={v.measures}
        onChange={(e) => setV({ ...v, measures: e.target.value })}
      />
      <button type="submit" data-testid="followup-submit" disabled={busy}>
        {t('detail.submitFollowUp')}
      </button>
    </form>
  );
}
