import { useCallback, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlarmView } from '@app/alarms/contract';
import type { SensorKind, SensorThresholds, SensorTrend, SensorView } from '@app/monitoring/contract';
import { command, get, isAccepted, getAll } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { dictionaries, useI18n, type MessageKey } from '../../i18n';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { THRESHOLD_LINES, TrendChart } from './TrendChart';
import './monitoring.css';

/**
 * Readings carry no socket event of their own (they arrive many times a second across the city): the panel reads its
 * sensors and their trends again every few seconds while it is open, and at once when an alarm about one of them is
 * raised or changes.
 */
export const POLL_MS = 5_000;
/** The span of the trend chart. */
export const TREND_MINUTES = 60;

export const SENSOR_KINDS: readonly SensorKind[] = [
  'level',
  'temperature',
  'pressure',
  'flow',
  'gas_concentration',
  'toxic_gas',
  'other',
];

export const sensorsKey = (hazardSourceId: string) => ['monitoring', 'sensors', hazardSourceId] as const;
export const trendKey = (sensorId: string) => ['monitoring', 'trend', sensorId] as const;

/** A code named from this feature's catalogue, or the server's label for a code the console does not know yet. */
function useNamed() {
  const { lang } = useI18n();
  return useCallback(
    (group: 'monitoring.kind' | 'monitoring.band', code: string, serverLabel: string) => {
      const dict = dictionaries[lang] as Record<string, string>;
      return dict[`${group}.${code}`] ?? serverLabel;
    },
    [lang],
  );
}

function useTrend(sensorId: string) {
  return useQuery({
    queryKey: trendKey(sensorId),
    queryFn: () => {
      const to = new Date();
      const from = new Date(to.getTime() - TREND_MINUTES * 60_000);
      const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
      return get<SensorTrend>(`/monitoring/sensors/${sensorId}/readings?${params.toString()}`);
    },
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
}

function SensorCard({ sensor }: { sensor: SensorView }) {
  const { t } = useI18n();
  const named = useNamed();
  const trend = useTrend(sensor.id);
  const kindName = named('monitoring.kind', sensor.kind, sensor.kindLabel);
  const thresholds = THRESHOLD_LINES.filter(({ key }) => sensor.thresholds[key] !== null);
  return (
    <article
      className={`sensor-card sensor-band-${sensor.band}${sensor.online ? '' : ' sensor-offline'}`}
      data-testid="sensor-card"
      data-sensor-id={sensor.id}
      data-band={sensor.band}
      data-online={sensor.online}>
      <header className="sensor-head">
        <h3>{sensor.name}</h3>
        <span className="muted small">
          {kindName} · {t('monitoring.sensor.code', { code: sensor.code })} ·{' '}
          {t('monitoring.sensor.interval', { seconds: sensor.expectedIntervalSeconds })}
        </span>
      </header>
      <div className="sensor-now">
        <span className="sensor-value" data-testid="sensor-value">
          {sensor.lastValue === null ? t('monitoring.sensor.noValue') : `${sensor.lastValue} ${sensor.unit}`}
        </span>
        <span className={`badge band band-${sensor.band}`} data-testid="sensor-band">
          {named('monitoring.band', sensor.band, sensor.bandLabel)}
        </span>
        <span className={sensor.online ? 'badge online' : 'badge offline'} data-testid="sensor-online">
          {sensor.online ? t('monitoring.sensor.online') : t('monitoring.sensor.offline')}
        </span>
      </div>
      <div className="small muted" data-testid="sensor-when">
        {!sensor.online && sensor.offlineSince
          ? t('monitoring.sensor.offlineSince', { time: formatTime(sensor.offlineSince, true) })
          : sensor.lastReadingAt
            ? t('monitoring.sensor.lastAt', { time: formatTime(sensor.lastReadingAt, true) })
            : ''}
      </div>
      <dl className="sensor-thresholds" data-testid="sensor-thresholds" aria-label={t('monitoring.sensor.thresholds')}>
        {thresholds.length === 0 && <dd className="muted">{t('monitoring.sensor.noThresholds')}</dd>}
        {thresholds.map(({ key }) => (
          <div key={key}>
            <dt>{t(`monitoring.threshold.${key}` as MessageKey)}</dt>
            <dd>{`${sensor.thresholds[key]} ${sensor.unit}`}</dd>
          </div>
        ))}
      </dl>
      <h4 className="small">{t('monitoring.trend.title', { minutes: TREND_MINUTES })}</h4>
      <ErrorMessage error={trend.error} testId="sensor-trend-error" />
      {trend.data && <TrendChart trend={trend.data} kindName={kindName} unit={trend.data.unit || sensor.unit} />}
    </article>
  );
}

interface SensorDraft {
  code: string;
  name: string;
  kind: SensorKind;
  unit: string;
  interval: string;
  high: string;
  highHigh: string;
  low: string;
  lowLow: string;
}

const EMPTY: SensorDraft = {
  code: '',
  name: '',
  kind: 'level',
  unit: '',
  interval: '10',
  high: '',
  highHigh: '',
  low: '',
  lowLow: '',
};

/** Problems by field; thresholds given must rise from 低低报 to 高高报. */
export function checkSensorDraft(d: SensorDraft): Partial<Record<keyof SensorDraft | 'order', MessageKey>> {
  const p: Partial<Record<keyof SensorDraft | 'order', MessageKey>> = {};
  for (const f of ['code', 'name', 'unit'] as const) if (!d[f].trim()) p[f] = 'monitoring.check.required';
  if (!/^\d+$/.test(d.interval.trim()) || Number(d.interval) <= 0) p.interval = 'monitoring.check.interval';
  const order = (['lowLow', 'low', 'high', 'highHigh'] as const).filter((k) => d[k].trim() !== '');
  for (const k of order) if (!Number.isFinite(Number(d[k]))) p[k] = 'monitoring.check.number';
  const values = order.map((k) => Number(d[k]));
  if (values.some((v, i) => i > 0 && !(v > values[i - 1]!))) p.order = 'monitoring.check.order';
  return p;
}

function thresholdsOf(d: SensorDraft): SensorThresholds {
  const n = (v: string) => (v.trim() === '' ? null : Number(v));
  return { high: n(d.high), highHigh: n(d.highHigh), low: n(d.low), lowLow: n(d.lowLow) };
}

/** 增加传感器 (admins): POST /hazard-sources/{id}/sensors. */
function AddSensorForm({ hazardSourceId, onDone }: { hazardSourceId: string; onDone: (added: boolean) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [draft, setDraft] = useState<SensorDraft>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = checkSensorDraft(draft);
  const shown = touched ? problems : {};
  const set = (f: keyof SensorDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await command<SensorView>('POST', `/hazard-sources/${hazardSourceId}/sensors`, {
        code: draft.code.trim(),
        name: draft.name.trim(),
        kind: draft.kind,
        unit: draft.unit.trim(),
        expectedIntervalSeconds: Number(draft.interval),
        thresholds: thresholdsOf(draft),
      });
      if (!isAccepted(outcome) && outcome.body?.id)
        client.setQueryData<SensorView[]>(sensorsKey(hazardSourceId), (list) =>
          list ? [...list.filter((s) => s.id !== outcome.body.id), outcome.body] : list,
        );
      void client.invalidateQueries({ queryKey: sensorsKey(hazardSourceId) });
      onDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const input = (f: keyof SensorDraft, key: MessageKey, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className={shown[f] ? 'field invalid' : 'field'}>
      <span>{t(key)}</span>
      <input value={draft[f]} onChange={set(f)} data-testid={`sensor-form-${f}`} {...extra} />
      {shown[f] && (
        <span className="field-error" data-testid={`sensor-problem-${f}`}>
          {t(shown[f])}
        </span>
      )}
    </label>
  );
  return (
    <form className="supervision-panel" onSubmit={(e) => void submit(e)} noValidate data-testid="sensor-form">
      <h3>{t('monitoring.add.title')}</h3>
      <div className="row">
        {input('code', 'monitoring.add.code', { autoComplete: 'off', title: t('monitoring.add.codeHint') })}
        {input('name', 'monitoring.add.name')}
        <label className="field">
          <span>{t('monitoring.add.kind')}</span>
          <select
            value={draft.kind}
            onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as SensorKind }))}
            data-testid="sensor-form-kind">
            {SENSOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`monitoring.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {input('unit', 'monitoring.add.unit')}
        {input('interval', 'monitoring.add.interval', { inputMode: 'numeric' })}
      </div>
      <div className="row">
        {input('lowLow', 'monitoring.threshold.lowLow', { inputMode: 'decimal' })}
        {input('low', 'monitoring.threshold.low', { inputMode: 'decimal' })}
        {input('high', 'monitoring.threshold.high', { inputMode: 'decimal' })}
        {input('highHigh', 'monitoring.threshold.highHigh', { inputMode: 'decimal' })}
      </div>
      <p className="small muted">{t('monitoring.add.codeHint')}</p>
      {shown.order && (
        <div className="field-error" data-testid="sensor-problem-order">
          {t(shown.order)}
        </div>
      )}
      <ErrorMessage error={error} testId="sensor-form-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="sensor-form-submit">
          {t('monitoring.add.submit')}
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={busy}>
          {t('monitoring.add.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * 实时监测 of one hazard source: each sensor's current value with its unit, its band (正常, 高报, 高高报, 低报, 低低报),
 * whether it is online, its thresholds and its recent trend. Admins add sensors here.
 */
export function SensorPanel({ hazardSourceId, canAdd }: { hazardSourceId: string; canAdd: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const sensors = useQuery({
    queryKey: sensorsKey(hazardSourceId),
    queryFn: () => getAll<SensorView>(`/hazard-sources/${hazardSourceId}/sensors`),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
  const ids = useMemo(() => new Set((sensors.data ?? []).map((s) => s.id)), [sensors.data]);
  useLiveMessages(['alarm.raised', 'alarm.changed'], (m) => {
    const alarm = m.data as Partial<AlarmView> | null;
    const subject = alarm?.subject?.id;
    if (!subject || (subject !== hazardSourceId && !ids.has(subject))) return;
    void client.invalidateQueries({ queryKey: sensorsKey(hazardSourceId) });
    if (ids.has(subject)) void client.invalidateQueries({ queryKey: trendKey(subject) });
  });
  return (
    <section className="supervision-panel" aria-labelledby="sensors-heading" data-testid="sensor-panel">
      <div className="screen-head">
        <h2 id="sensors-heading">{t('monitoring.sensors.title')}</h2>
        <span className="small muted">{t('monitoring.sensors.refreshing', { seconds: POLL_MS / 1000 })}</span>
        {canAdd && !adding && (
          <button
            type="button"
            onClick={() => {
              setAdding(true);
              setAdded(false);
            }}
            data-testid="sensor-add">
            {t('monitoring.add.open')}
          </button>
        )}
      </div>
      {adding && (
        <AddSensorForm
          hazardSourceId={hazardSourceId}
          onDone={(done) => {
            setAdding(false);
            setAdded(done);
          }}
        />
      )}
      {added && (
        <div className="feedback ok" role="status" data-testid="sensor-added">
          {t('monitoring.add.done')}
        </div>
      )}
      <ErrorMessage error={sensors.error} testId="sensors-error" />
      {sensors.data && sensors.data.length === 0 && (
        <p className="muted" data-testid="sensors-empty">
          {t('monitoring.sensors.empty')}
        </p>
      )}
      <div className="sensor-grid">
        {(sensors.data ?? []).map((s) => (
          <SensorCard key={s.id} sensor={s} />
        ))}
      </div>
    </section>
  );
}
