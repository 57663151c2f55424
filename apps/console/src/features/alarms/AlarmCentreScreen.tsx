import { useState } from 'react';
import type { AlarmKind, AlarmStatus } from '@app/alarms/contract';
import { errorText } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { can } from '../../store';
import type { Session } from '../../ui-types';
import { AlarmGroupCard } from './AlarmGroupCard';
import { groupBySubject } from './alarm-groups';
import type { AlarmFilter } from './alarm-cache';
import { useAlarmList, useNow } from './use-alarms';

const STATUSES: AlarmFilter['status'][] = ['open', 'raised', 'acknowledged', 'resolved', 'all'];
const KINDS: AlarmKind[] = ['deadline', 'roll_call', 'stock', 'warning', 'monitoring', 'hidden_hazard'];

/**
 * 告警中心: the alarms the server keeps for the user's jurisdictions, most urgent first, shared by every console of
 * the centre (an alarm acknowledged elsewhere moves here at once), with live minute counts and acknowledgement.
 */
export function AlarmCentreScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AlarmFilter>({ status: 'open', kind: 'all' });
  const alarms = useAlarmList(filter);
  const now = useNow();
  const statusLabel = (s: AlarmFilter['status']) =>
    s === 'open' || s === 'all' ? t(`alarms.filter.${s}`) : t(`alarms.status.${s as AlarmStatus}` as MessageKey);
  return (
    <section
      className="screen alarm-centre"
      data-testid="alarms-screen"
      data-user={session.user.id}
      data-loaded={alarms.isSuccess}>
      <h1>{t('alarms.title')}</h1>
      <div className="filters">
        <label>
          {t('alarms.filter.status')}{' '}
          <select
            data-testid="alarm-filter-status"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value as AlarmFilter['status'] })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('alarms.filter.kind')}{' '}
          <select
            data-testid="alarm-filter-kind"
            value={filter.kind}
            onChange={(e) => setFilter({ ...filter, kind: e.target.value as AlarmKind | 'all' })}>
            <option value="all">{t('alarms.filter.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`alarms.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {alarms.isPending && <p className="muted">{t('alarms.loading')}</p>}
      {alarms.isError && (
        <p className="field-error" role="alert">
          {t('alarms.loadFailed', { reason: errorText(alarms.error, t('error.generic')) })}
        </p>
      )}
      {alarms.data && alarms.data.length === 0 && <p className="muted">{t('alarms.empty')}</p>}
      <ul className="alarm-list" data-testid="alarm-list" aria-live="polite">
        {groupBySubject(alarms.data ?? []).map((group) => (
          <AlarmGroupCard key={group.key} group={group} now={now} canAcknowledge={can(session, 'ack')} />
        ))}
      </ul>
    </section>
  );
}
