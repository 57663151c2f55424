import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlarmView } from '@app/alarms/contract';
import type { MonitoringAlarmContext, SensorThresholds } from '@app/monitoring/contract';
import { currentSession } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { navigate } from '../../router';
import { can } from '../../store';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { alarmContextQuery, alarmDraftQuery, intakePathFor, openIncident } from './alarm-draft';
import './alarm-intake.css';

const THRESHOLDS: (keyof SensorThresholds)[] = ['highHigh', 'high', 'low', 'lowLow'];

/**
 * What a monitoring alarm is about, under its card: the enterprise, the hazard source with its grade and substances,
 * the sensor's reading against its thresholds, the nearby teams and the plans that would answer; and the button that
 * turns it into an incident intake. The button only prepares the form: the officer reviews and submits it.
 */
export function MonitoringContext({ alarm }: { alarm: AlarmView }) {
  const { t } = useI18n();
  const context = useQuery(alarmContextQuery(alarm.id));
  const session = currentSession();
  const mayReport = session !== null && can(session, 'report');
  return (
    <div className="alarm-context" data-testid="alarm-context" data-alarm-id={alarm.id}>
      {context.isPending && <p className="muted small">{t('alarmIntake.context.loading')}</p>}
      {context.isError && <ErrorMessage error={context.error} testId="alarm-context-error" />}
      {context.data && <ContextDetails context={context.data} />}
      {mayReport && alarm.status !== 'resolved' && <OpenIncidentButton alarmId={alarm.id} />}
    </div>
  );
}

function ContextDetails({ context }: { context: MonitoringAlarmContext }) {
  const { t } = useI18n();
  const { enterprise, hazardSource, sensor } = context;
  const unit = sensor.unit;
  return (
    <dl className="alarm-context-facts">
      <dt>{t('alarmIntake.enterprise')}</dt>
      <dd data-testid="alarm-context-enterprise">
        <strong>{enterprise.name}</strong>
        <div className="small muted">{t('alarmIntake.creditCode', { code: enterprise.creditCode })}</div>
        <div className="small">{enterprise.address}</div>
        <div className="small">
          {t('alarmIntake.principal', { name: enterprise.principal.name, phone: enterprise.principal.phone })}
        </div>
      </dd>
      <dt>{t('alarmIntake.hazardSource')}</dt>
      <dd data-testid="alarm-context-hazard-source">
        <strong>{hazardSource.name}</strong>{' '}
        <span className={`hazard-grade grade-${hazardSource.grade ?? 'none'}`} data-testid="alarm-context-grade">
          {hazardSource.gradeLabel
            ? t('alarmIntake.grade', { grade: hazardSource.gradeLabel })
            : t('alarmIntake.notMajor')}
        </span>
        {hazardSource.substances.length > 0 && (
          <ul className="small" data-testid="alarm-context-substances" aria-label={t('alarmIntake.substances')}>
            {hazardSource.substances.map((s, i) => (
              <li key={`${s.casNo ?? s.name}-${i}`}>
                {t('alarmIntake.substance', {
                  name: s.name,
                  quantity: s.quantityTonnes,
                  critical: s.criticalQuantityTonnes,
                })}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('alarmIntake.sensor')}</dt>
      <dd data-testid="alarm-context-sensor" data-band={sensor.band}>
        <strong>{sensor.name}</strong> <span className="muted small">{sensor.code}</span>{' '}
        <span className={`sensor-band band-${sensor.band}`}>{sensor.bandLabel}</span>
        <div data-testid="alarm-context-reading">
          {sensor.lastValue === null
            ? t('alarmIntake.noReading')
            : t('alarmIntake.reading', { value: sensor.lastValue, unit })}
          {sensor.lastReadingAt && <span className="muted small"> · {formatTime(sensor.lastReadingAt)}</span>}
          {!sensor.online && <span className="sensor-offline"> · {t('alarmIntake.offline')}</span>}
        </div>
        <div className="small" data-testid="alarm-context-thresholds">
          {t('alarmIntake.thresholds')}：
          {THRESHOLDS.filter((k) => sensor.thresholds[k] !== null)
            .map((k) => t(`alarmIntake.threshold.${k}` as MessageKey, { value: sensor.thresholds[k]!, unit }))
            .join('；')}
        </div>
      </dd>
      <dt>{t('alarmIntake.teams')}</dt>
      <dd>
        {context.nearbyTeams.length === 0 ? (
          <span className="muted small">{t('alarmIntake.teams.none')}</span>
        ) : (
          <ol className="small" data-testid="alarm-context-teams">
            {context.nearbyTeams.map((team) => (
              <li key={team.id}>
                {t('alarmIntake.team', {
                  name: team.name,
                  specialties: team.specialtyLabels.join('、'),
                  status: team.statusLabel,
                  km: team.distanceKm,
                })}
              </li>
            ))}
          </ol>
        )}
      </dd>
      <dt>{t('alarmIntake.plans')}</dt>
      <dd>
        {context.matchingPlans.length === 0 ? (
          <span className="muted small">{t('alarmIntake.plans.none')}</span>
        ) : (
          <ul className="small" data-testid="alarm-context-plans">
            {context.matchingPlans.map((plan) => (
              <li key={plan.id}>
                {plan.name} <span className="muted">（{plan.kindLabel}）</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

function OpenIncidentButton({ alarmId }: { alarmId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const open = useMutation({
    mutationFn: () => openIncident(alarmId),
    onSuccess: (draft) => {
      // The intake screen reads the draft from here instead of asking again.
      client.setQueryData(alarmDraftQuery(alarmId).queryKey, draft);
      navigate(intakePathFor(alarmId));
    },
  });
  return (
    <div className="alarm-context-actions">
      <button
        type="button"
        className="primary"
        data-testid="alarm-open-incident"
        disabled={open.isPending}
        title={t('alarmIntake.openHint')}
        onClick={() => open.mutate()}>
        {open.isPending ? t('alarmIntake.opening') : t('alarmIntake.open')}
      </button>{' '}
      <span className="muted small">{t('alarmIntake.openHint')}</span>
      {open.isError && <ErrorMessage error={open.error} testId="alarm-open-incident-error" />}
    </div>
  );
}
