import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SensorThresholds, SensorTrend } from '@app/monitoring/contract';
import { dictionaries, useI18n, type MessageKey } from '../../i18n';
import { activeTimeZone, formatTime } from '../../time';
import { clockTime } from './zone';

const CHART = { width: 560, height: 240 };

/** The four thresholds, the graver ones drawn darker; the same order the sensor card lists them in. */
export const THRESHOLD_LINES: { key: keyof SensorThresholds; colour: string; dash: string }[] = [
  { key: 'highHigh', colour: '#b91c1c', dash: '' },
  { key: 'high', colour: '#f97316', dash: '6 3' },
  { key: 'low', colour: '#0284c7', dash: '6 3' },
  { key: 'lowLow', colour: '#1e3a8a', dash: '' },
];

/** The zone's name as a duty officer says it (北京时间), or the zone's own identifier where the console has none. */
export function zoneName(lang: 'zh' | 'en', zone = activeTimeZone()): string {
  const dict = dictionaries[lang] as Record<string, string>;
  return dict[`monitoring.zone.${zone}`] ?? zone;
}

/**
 * A sensor's recent readings as a line, with a reference line at each threshold (高高报, 高报, 低报, 低低报) so the
 * reader sees how near the value runs to an alarm. The axes are labelled with time in the jurisdiction's zone and the
 * quantity with its unit; recharts draws SVG, so every figure is real text.
 */
export function TrendChart({ trend, kindName, unit }: { trend: SensorTrend; kindName: string; unit: string }) {
  const { t, lang } = useI18n();
  const data = trend.points.map((p) => ({ t: Date.parse(p.at), value: p.value }));
  const zone = zoneName(lang);
  // Without a reading there is no time axis to draw against: the card's threshold list still names them.
  if (data.length === 0)
    return (
      <p className="muted small" data-testid="sensor-trend-empty">
        {t('monitoring.trend.empty')}
      </p>
    );
  return (
    <figure className="trend" data-testid="sensor-trend">
      <LineChart
        width={CHART.width}
        height={CHART.height}
        data={data}
        margin={{ top: 12, right: 72, bottom: 24, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(v: number) => clockTime(v)}
          label={{ value: t('monitoring.trend.time', { zone }), position: 'insideBottom', offset: -16 }}
        />
        <YAxis
          domain={['auto', 'auto']}
          label={{ value: t('monitoring.trend.value', { kind: kindName, unit }), angle: -90, position: 'insideLeft' }}
        />
        <Tooltip
          labelFormatter={(v) => formatTime(new Date(Number(v)).toISOString(), true)}
          formatter={(v) => [`${String(v)} ${unit}`, kindName]}
        />
        {THRESHOLD_LINES.map(({ key, colour, dash }) => {
          const value = trend.thresholds[key];
          if (value === null || value === undefined) return null;
          const name = t(`monitoring.threshold.${key}` as MessageKey);
          return (
            <ReferenceLine
              key={key}
              y={value}
              stroke={colour}
              strokeDasharray={dash}
              ifOverflow="extendDomain"
              className={`threshold-${key}`}
              label={{ value: `${name} ${value}`, position: 'right', fill: colour, fontSize: 12 }}
            />
          );
        })}
        <Line type="monotone" dataKey="value" stroke="#1d4ed8" dot={false} isAnimationActive={false} />
      </LineChart>
      <figcaption className="small muted">{t(`monitoring.trend.resolution.${trend.resolution}`)}</figcaption>
    </figure>
  );
}
