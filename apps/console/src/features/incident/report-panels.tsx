import { DeadlineCountdown, levelName, obligationTarget } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';
import { formatTime } from '../../time';
import { commandPost } from '../../api';
import type { Casualties, IncidentView, StoredEventView } from '@app/incidents/contract';
import { COUNTS, Panel, casualtyText, label, type Act } from './shared';

/**
 * What was reported and when: the facts as they stand now. The account itself (the first and every follow-up) is the
 * account panel's.
 */
export function BasicPanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.basic')}>
      <dl className="facts">
        <dt>{t('detail.occurredAt')}</dt>
        <dd>{formatTime(incident.occurredAt, true)}</dd>
        <dt>{t('detail.reportedAt')}</dt>
        <dd>{formatTime(incident.reportedAt, true)}</dd>
        <dt>{t('detail.location')}</dt>
        <dd>
          {incident.location.address}（{incident.location.lat}, {incident.location.lng}）
        </dd>
        {incident.enterprise && (
          <>
            <dt>{t('detail.enterprise')}</dt>
            <dd>{incident.enterprise}</dd>
          </>
        )}
        <dt>{t('detail.reporter')}</dt>
        <dd>
          {incident.reporter.name}（{incident.reporter.organization}，{incident.reporter.phone}）
        </dd>
        <dt>{t('detail.casualties')}</dt>
        <dd data-testid="casualties">{casualtyText(incident.casualties, t)}</dd>
        <dt>{t('detail.loss')}</dt>
        <dd>{incident.directLossYuan == null ? '—' : `${incident.directLossYuan.toLocaleString('zh-CN')} 元`}</dd>
        {incident.summary && (
          <>
            <dt>{t('detail.summary')}</dt>
            <dd className="pre">{incident.summary}</dd>
          </>
        )}
      </dl>
    </Panel>
  );
}

/** The reporting deadlines to each level above, the reports already passed up, and the form to pass one up. */
export function ReportsPanel({
  incident,
  events,
  now,
  mayReport,
  mayCommand,
  busy,
  act,
}: {
  incident: IncidentView;
  events: StoredEventView[];
  now: number;
  /** Whether the response is still on; reports are taken either way (终报, 补报). */
  open: boolean;
  mayReport: boolean;
  /** 核销 (writing off an obligation no longer required) is the commander's decision. */
  mayCommand: boolean;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.reports')}>
      <ul className="list deadlines">
        {incident.deadlines.map((d) => (
          <li key={d.id} data-testid="deadline" data-status={d.status} title={d.basis}>
            <span>
              {d.kindLabel} · {obligationTarget(t, d)}
            </span>{' '}
            {d.reportedAt ? (
              <span className={d.status === 'late' ? 'warn-text' : 'ok-text'}>
                ✓ {label(t, `deadline.${d.status}`, d.statusLabel)} {formatTime(d.reportedAt, true)}{' '}
                {d.reportedBy ?? ''}
              </span>
            ) : d.status === 'pending' || d.status === 'overdue' ? (
              <DeadlineCountdown deadline={d} now={now} />
            ) : (
              <span className="muted">
                {label(t, `deadline.${d.status}`, d.statusLabel)}
                {d.writeOff ? `（${d.writeOff.reason}）` : ''}
              </span>
            )}
            <span className="muted small"> · {formatTime(d.dueAt)}</span>
            {(d.status === 'pending' || d.status === 'overdue') && d.responsible !== 'unit' && (
              <span className="inline-actions">
                {mayReport && d.party && (
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    data-testid="notify-party"
                    onClick={() =>
                      void act(t('detail.notified'), () =>
                        commandPost(`/incidents/${incident.id}/notifications`, { party: d.party, channel: 'phone' }),
                      )
                    }>
                    {t('detail.notified')}
                  </button>
                )}
                {mayCommand && (
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    data-testid="write-off"
                    onClick={() => {
                      const reason = window.prompt(t('detail.writeOffReason'))?.trim();
                      if (!reason) return;
                      void act(t('detail.writeOff'), () =>
                        commandPost(`/incidents/${incident.id}/obligations/${encodeURIComponent(d.id)}/write-off`, {
                          reason,
                        }),
                      );
                    }}>
                    {t('detail.writeOff')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      <ul className="list">
        {events
          .filter((e) => e.type === 'ReportPassedUp')
          .map((e) => (
            <li key={e.id} data-testid="report-record">
              {formatTime((e.data.reportedAt as string | undefined) ?? e.recordedAt, true)} →{' '}
              {levelName(t, String(e.data.toLevel))}（{String(e.data.channel)}）
              {(e.data.reportedBy as string | undefined) ?? ''}
            </li>
          ))}
        {!events.some((e) => e.type === 'ReportPassedUp') && <li className="muted">{t('detail.noReports')}</li>}
      </ul>
    </Panel>
  );
}

/** The casualty figures of the first report and of each follow-up, one row each. */
export function CasualtyHistoryPanel({ events }: { events: StoredEventView[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.casualtyHistory')}>
      <table className="grid compact" data-testid="casualty-history">
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            {COUNTS.map((c) => (
              <th scope="col" key={c}>
                {t(`f.${c}` as MessageKey)}
              </th>
            ))}
            <th scope="col">{t('f.directLossYuan')}</th>
          </tr>
        </thead>
        <tbody>
          {events
            .filter((e) => (e.type === 'IncidentReported' || e.type === 'SituationUpdated') && e.data.casualties)
            .map((e) => {
              const c = e.data.casualties as Casualties;
              return (
                <tr key={e.id} data-testid="casualty-row">
                  <td>
                    {formatTime((e.metadata.occurredAt as string | undefined) ?? e.recordedAt, true)}{' '}
                    {e.type === 'IncidentReported' ? '初报' : '续报'}
                  </td>
                  {COUNTS.map((k) => (
                    <td key={k}>{c[k]}</td>
                  ))}
                  <td>{e.data.directLossYuan == null ? '—' : Number(e.data.directLossYuan).toLocaleString('zh-CN')}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </Panel>
  );
}
