import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import type { IncidentView } from '@app/incidents/contract';
import {
  emptyDraft,
  FIGURES,
  inConflict,
  keepTyped,
  shown,
  takeServer,
  typeInto,
  type Draft,
  type Figure,
  type ServerFigures,
} from './follow-up-draft';
import { COUNTS } from './shared';

function serverFigures(incident: IncidentView): ServerFigures {
  return {
    ...(Object.fromEntries(COUNTS.map((c) => [c, String(incident.casualties[c])])) as Record<
      (typeof COUNTS)[number],
      string
    >),
    directLossYuan: incident.directLossYuan == null ? '' : String(incident.directLossYuan),
  };
}

/**
 * 续报: the figures start from the server's and follow it until the officer types; what was typed is never replaced by
 * a change from another console (the field says what the server now has and lets the officer choose).
 */
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
  const server = serverFigures(incident);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [text, setText] = useState({ description: '', measures: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const value = (f: Figure) => shown(draft[f], server[f]);
  const conflicts = FIGURES.filter((f) => inConflict(draft[f], server[f]));
  const change = (f: Figure, next: (field: Draft[Figure]) => Draft[Figure]) => {
    setDraft((d) => ({ ...d, [f]: next(d[f]) }));
    setErrors(({ [f]: _, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const f of FIGURES) if (value(f).trim() !== '' && !/^\d+$/.test(value(f).trim())) errs[f] = t('v.integer');
    for (const f of COUNTS) if (value(f).trim() === '') errs[f] = t('v.required');
    for (const f of conflicts) errs[f] ??= t('incident.chooseFirst');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = {
      casualties: Object.fromEntries(COUNTS.map((c) => [c, Number(value(c))])),
    };
    if (value('directLossYuan').trim()) body.directLossYuan = Number(value('directLossYuan'));
    if (text.description.trim()) body.description = text.description.trim();
    if (text.measures.trim()) body.measures = text.measures.trim();
    // Once stored, the figures follow the server again (which now holds what was sent).
    onSubmit(body, () => {
      setDraft(emptyDraft());
      setText({ description: '', measures: '' });
    });
  };
  return (
    <form className="stack-form" data-testid="followup-form" onSubmit={submit} noValidate>
      <div className="row counts">
        {FIGURES.map((f) => {
          const conflict = inConflict(draft[f], server[f]);
          return (
            <div className="field" key={f}>
              <label htmlFor={`fu-${f}`}>{t(`f.${f}` as MessageKey)}</label>
              <input
                id={`fu-${f}`}
                data-testid={`followup-${f}`}
                data-draft={draft[f].typed === null ? 'server' : 'typed'}
                inputMode="numeric"
                value={value(f)}
                onChange={(e) => change(f, (field) => typeInto(field, server[f], e.target.value))}
                aria-invalid={errors[f] ? true : undefined}
                aria-describedby={conflict ? `fu-${f}-changed` : undefined}
              />
              {conflict && (
                <div
                  className="field-notice"
                  id={`fu-${f}-changed`}
                  data-testid={`followup-${f}-changed`}
                  role="status">
                  {t('incident.serverNow', { value: server[f] === '' ? '—' : server[f] })}{' '}
                  <button
                    type="button"
                    className="small"
                    data-testid={`followup-${f}-take-server`}
                    onClick={() => change(f, takeServer)}>
                    {t('incident.takeServer')}
                  </button>{' '}
                  <button
                    type="button"
                    className="small"
                    data-testid={`followup-${f}-keep-mine`}
                    onClick={() => change(f, (field) => keepTyped(field, server[f]))}>
                    {t('incident.keepMine')}
                  </button>
                </div>
              )}
              {errors[f] && (
                <div className="field-error" role="alert">
                  {errors[f]}
                </div>
              )}
            </div>
          );
        })}
      </div>
      <label htmlFor="fu-description">{t('f.description')}</label>
      <textarea
        id="fu-description"
        data-testid="followup-description"
        rows={2}
        value={text.description}
        onChange={(e) => setText((x) => ({ ...x, description: e.target.value }))}
      />
      <label htmlFor="fu-measures">{t('f.measures')}</label>
      <textarea
        id="fu-measures"
        data-testid="followup-measures"
        rows={2}
        value={text.measures}
        onChange={(e) => setText((x) => ({ ...x, measures: e.target.value }))}
      />
      <button type="submit" data-testid="followup-submit" disabled={busy}>
        {t('detail.submitFollowUp')}
      </button>
    </form>
  );
}
