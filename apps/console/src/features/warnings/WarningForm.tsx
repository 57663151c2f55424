import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import type { WarningChannel, WarningLevel, WarningView } from '@app/warnings/contract';
import { commandPost } from '../../api';
import { activeTimeZone } from '../../app/locale';
import { useI18n, type MessageKey } from '../../i18n';
import { jurisdictionsWithin } from '../../store';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { AreaMap } from './AreaMap';
import { settle, useJurisdictionTree } from './use-warnings';
import {
  WARNING_CHANNELS,
  WARNING_LEVELS,
  closeRing,
  distinctCorners,
  openRing,
  parsePolygon,
  polygonText,
  toZonedInput,
  zonedInputToIso,
  zoneName,
  type Point,
} from './warning-model';

const HOUR = 3_600_000;

interface Values {
  level: WarningLevel;
  hazard: string;
  jurisdiction: string;
  areaDescription: string;
  polygon: string;
  message: string;
  instruction: string;
  effective: string;
  expires: string;
  channels: WarningChannel[];
  reason: string;
}

type Field = keyof Values;
type Problems = Partial<Record<Field, string>>;

/**
 * The same checks the server makes, said beside the field before anything is sent: required text, a polygon of at
 * least three corners, an expiry after the start and still ahead. The server stays the judge (its answer is shown).
 */
export function checkWarning(
  mode: 'issue' | 'adjust',
  values: Values,
  zone: string,
  now: number,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  effectiveIso?: string,
): Problems {
  const problems: Problems = {};
  const required: Field[] =
    mode === 'issue' ? ['hazard', 'areaDescription', 'message'] : ['areaDescription', 'message'];
  for (const field of required) if (!values[field].toString().trim()) problems[field] = t('warnings.check.required');
  if (mode === 'issue' && !values.jurisdiction) problems.jurisdiction = t('warnings.check.required');
  const polygon = parsePolygon(values.polygon);
  if (polygon.badLine !== null) problems.polygon = t('warnings.check.polygonLine', { line: polygon.badLine });
  else if (polygon.points.length > 0 && distinctCorners(polygon.points) < 3)
    problems.polygon = t('warnings.check.polygonCorners');
  const effective = mode === 'issue' ? zonedInputToIso(values.effective, zone) : (effectiveIso ?? null);
  const expires = zonedInputToIso(values.expires, zone);
  if (mode === 'issue' && !effective) problems.effective = t('warnings.check.badTime');
  if (!expires) problems.expires = t('warnings.check.badTime');
  else if (effective && Date.parse(expires) <= Date.parse(effective))
    problems.expires = t('warnings.check.expiresAfterEffective');
  else if (Date.parse(expires) <= now) problems.expires = t('warnings.check.expiresInFuture');
  return problems;
}

function initialValues(session: Session, zone: string, warning?: WarningView): Values {
  if (warning)
    return {
      level: warning.level,
      hazard: warning.hazard,
      jurisdiction: warning.jurisdiction,
      areaDescription: warning.area.description,
      polygon: polygonText(openRing(warning.area.polygon)),
      message: warning.message,
      instruction: warning.instruction ?? '',
      effective: toZonedInput(Date.parse(warning.effective), zone),
      expires: toZonedInput(Date.parse(warning.expires), zone),
      channels: [...warning.channels],
      reason: '',
    };
  const now = Date.now();
  return {
    level: 'blue',
    hazard: '',
    jurisdiction: session.user.jurisdiction,
    areaDescription: '',
    polygon: '',
    message: '',
    instruction: '',
    effective: toZonedInput(now, zone),
    expires: toZonedInput(now + 12 * HOUR, zone),
    channels: [],
    reason: '',
  };
}

const samePoints = (a: readonly Point[], b: readonly Point[]) => JSON.stringify(a) === JSON.stringify(b);

/** What an adjustment changes: only the fields that differ from the warning as issued or last adjusted. */
function changesOf(values: Values, warning: WarningView, zone: string): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (values.level !== warning.level) changes.level = values.level;
  const points = parsePolygon(values.polygon).points;
  const ring = points.length > 0 ? closeRing(points) : null;
  if (values.areaDescription.trim() !== warning.area.description || !samePoints(ring ?? [], warning.area.polygon ?? []))
    changes.area = { description: values.areaDescription.trim(), ...(ring ? { polygon: ring } : {}) };
  if (values.message.trim() !== warning.message) changes.message = values.message.trim();
  // An instruction can be replaced but not emptied (the server takes no blank text).
  if (values.instruction.trim() && values.instruction.trim() !== (warning.instruction ?? ''))
    changes.instruction = values.instruction.trim();
  if (values.expires !== toZonedInput(Date.parse(warning.expires), zone))
    changes.expires = zonedInputToIso(values.expires, zone);
  if ([...values.channels].sort().join() !== [...warning.channels].sort().join()) changes.channels = values.channels;
  return changes;
}

/**
 * 发布 (no `warning`) or 调整 (prefilled from `warning`, with a reason). Times are read on the wall clock of the
 * jurisdiction's zone (the warning's own; for a new one the zone the bureau's console runs in).
 */
export function WarningForm({
  session,
  warning,
  drillId,
  onDone,
  onCancel,
}: {
  session: Session;
  warning?: WarningView;
  drillId?: string | null;
  onDone: (warning: WarningView | null) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const client = useQueryClient();
  const mode = warning ? 'adjust' : 'issue';
  const zone = warning?.timeZone ?? activeTimeZone();
  const [values, setValues] = useState<Values>(() => initialValues(session, zone, warning));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tree = useJurisdictionTree();
  const places = useMemo(
    () => jurisdictionsWithin(tree.data ?? [], session.user.jurisdiction),
    [tree.data, session.user.jurisdiction],
  );
  const points = parsePolygon(values.polygon).points;
  const set = <K extends Field>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const prefix = mode === 'issue' ? 'warning-issue' : 'warning-adjust';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = checkWarning(mode, values, zone, Date.now(), t, warning?.effective);
    let changes: Record<string, unknown> = {};
    if (warning && Object.keys(found).length === 0) {
      changes = changesOf(values, warning, zone);
      if (Object.keys(changes).length === 0) found.reason = t('warnings.check.nothingChanged');
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const ring = points.length > 0 ? closeRing(points) : null;
      const outcome = warning
        ? await commandPost<WarningView>(`/warnings/${warning.id}/updates`, {
            ...changes,
            ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
          })
        : await commandPost<WarningView>('/warnings', {
            level: values.level,
            hazard: values.hazard.trim(),
            jurisdiction: values.jurisdiction,
            area: { description: values.areaDescription.trim(), ...(ring ? { polygon: ring } : {}) },
            message: values.message.trim(),
            ...(values.instruction.trim() ? { instruction: values.instruction.trim() } : {}),
            effective: zonedInputToIso(values.effective, zone),
            expires: zonedInputToIso(values.expires, zone),
            channels: values.channels,
            ...(drillId ? { drillId } : {}),
          });
      onDone(await settle(client, outcome));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldClass = (field: Field, extra = '') => `field ${extra} ${problems[field] ? 'invalid' : ''}`.trim();
  const problem = (field: Field) =>
    problems[field] ? (
      <div className="field-error" data-testid={`${prefix}-problem-${field}`}>
        {problems[field]}
      </div>
    ) : null;

  return (
    <form className="panel warning-form" data-testid={prefix} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t(mode === 'issue' ? 'warnings.issue.title' : 'warnings.adjust.title')}</h2>
      {drillId && mode === 'issue' && (
        <p className="notice" data-testid="warning-issue-drill">
          {t('warnings.issue.drillNote')}
        </p>
      )}
      <div className="row">
        <label className={fieldClass('level')}>
          {t('warnings.form.level')}
          <select
            data-testid={`${prefix}-level`}
            value={values.level}
            onChange={(e) => set('level', e.target.value as WarningLevel)}>
            {WARNING_LEVELS.map((level) => (
              <option key={level} value={level}>
                {label('warningLevel', level)}
              </option>
            ))}
          </select>
        </label>
        <label className={fieldClass('hazard')}>
          <span>
            {t('warnings.form.hazard')} {mode === 'issue' && <span className="req">*</span>}
          </span>
          <input
            data-testid={`${prefix}-hazard`}
            value={values.hazard}
            maxLength={50}
            disabled={mode === 'adjust'}
            onChange={(e) => set('hazard', e.target.value)}
          />
          {problem('hazard')}
        </label>
        {mode === 'issue' && (
          <label className={fieldClass('jurisdiction')}>
            {t('warnings.form.jurisdiction')}
            <select
              data-testid={`${prefix}-jurisdiction`}
              value={values.jurisdiction}
              onChange={(e) => set('jurisdiction', e.target.value)}>
              {places.length === 0 && <option value={session.user.jurisdiction}>{session.user.jurisdiction}</option>}
              {places.map((p) => (
                <option key={p.code} value={p.code}>
                  {`${'　'.repeat(p.depth)}${p.name}`}
                </option>
              ))}
            </select>
            {problem('jurisdiction')}
          </label>
        )}
      </div>
      <label className={fieldClass('areaDescription', 'field-description')}>
        <span>
          {t('warnings.form.areaDescription')} <span className="req">*</span>
        </span>
        <textarea
          data-testid={`${prefix}-area`}
          rows={2}
          maxLength={500}
          value={values.areaDescription}
          onChange={(e) => set('areaDescription', e.target.value)}
        />
        {problem('areaDescription')}
      </label>
      <div className="warning-polygon">
        <AreaMap
          points={points}
          onAdd={(p) =>
            setValues((v) => ({
              ...v,
              polygon: v.polygon.trim() ? `${v.polygon.trimEnd()}\n${p.lat}, ${p.lng}` : `${p.lat}, ${p.lng}`,
            }))
          }
        />
        <label className={fieldClass('polygon', 'field-description')}>
          {t('warnings.form.polygon')}
          <span className="small muted">{t('warnings.form.polygonHint')}</span>
          <textarea
            data-testid={`${prefix}-polygon`}
            rows={5}
            value={values.polygon}
            onChange={(e) => set('polygon', e.target.value)}
          />
          {problem('polygon')}
          <span className="inline-form">
            <span className="small muted" data-testid={`${prefix}-corners`}>
              {t('warnings.form.corners', { count: points.length })}
            </span>
            <button
              type="button"
              data-testid={`${prefix}-undo-point`}
              disabled={points.length === 0}
              onClick={() => set('polygon', polygonText(points.slice(0, -1)))}>
              {t('warnings.form.undoPoint')}
            </button>
            <button
              type="button"
              data-testid={`${prefix}-clear-polygon`}
              disabled={points.length === 0}
              onClick={() => set('polygon', '')}>
              {t('warnings.form.clearPolygon')}
            </button>
          </span>
        </label>
      </div>
      <label className={fieldClass('message', 'field-description')}>
        <span>
          {t('warnings.form.message')} <span className="req">*</span>
        </span>
        <textarea
          data-testid={`${prefix}-message`}
          rows={3}
          maxLength={2000}
          value={values.message}
          onChange={(e) => set('message', e.target.value)}
        />
        {problem('message')}
      </label>
      <label className={fieldClass('instruction', 'field-description')}>
        {t('warnings.form.instruction')}
        <textarea
          data-testid={`${prefix}-instruction`}
          rows={2}
          maxLength={2000}
          value={values.instruction}
          onChange={(e) => set('instruction', e.target.value)}
        />
      </label>
      <div className="row">
        <label className={fieldClass('effective')}>
          {t('warnings.form.effective')}
          <input
            type="datetime-local"
            data-testid={`${prefix}-effective`}
            value={values.effective}
            disabled={mode === 'adjust'}
            onChange={(e) => set('effective', e.target.value)}
          />
          {problem('effective')}
        </label>
        <label className={fieldClass('expires')}>
          {t('warnings.form.expires')}
          <input
            type="datetime-local"
            data-testid={`${prefix}-expires`}
            value={values.expires}
            onChange={(e) => set('expires', e.target.value)}
          />
          {problem('expires')}
        </label>
      </div>
      <p className="small muted" data-testid={`${prefix}-zone`}>
        {t('warnings.form.zone', { zone: zoneName(zone, lang) })}
      </p>
      <fieldset className="warning-channels">
        <legend>{t('warnings.form.channels')}</legend>
        {WARNING_CHANNELS.map((channel) => (
          <label key={channel} className="warning-channel">
            <input
              type="checkbox"
              data-testid={`${prefix}-channel-${channel}`}
              checked={values.channels.includes(channel)}
              onChange={(e) =>
                set(
                  'channels',
                  e.target.checked ? [...values.channels, channel] : values.channels.filter((c) => c !== channel),
                )
              }
            />
            {label('warningChannel', channel)}
          </label>
        ))}
      </fieldset>
      {mode === 'adjust' && (
        <label className={fieldClass('reason', 'field-description')}>
          {t('warnings.form.reason')}
          <textarea
            data-testid={`${prefix}-reason`}
            rows={2}
            maxLength={500}
            value={values.reason}
            onChange={(e) => set('reason', e.target.value)}
          />
          {problem('reason')}
        </label>
      )}
      <ErrorMessage error={error} testId={`${prefix}-error`} />
      <div className="inline-form">
        <button type="submit" className="primary" data-testid={`${prefix}-submit`} disabled={busy}>
          {t(mode === 'issue' ? 'warnings.issue.submit' : 'warnings.adjust.submit')}
        </button>
        <button type="button" data-testid={`${prefix}-cancel`} onClick={onCancel}>
          {t('warnings.cancel')}
        </button>
      </div>
    </form>
  );
}
