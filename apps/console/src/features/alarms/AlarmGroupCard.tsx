import { useI18n } from '../../i18n';
import { AcknowledgeControls, AcknowledgeError, useAcknowledge } from './acknowledge';
import { AlarmCard } from './AlarmCard';
import type { AlarmGroup } from './alarm-groups';

/**
 * The alarms of one subject under one heading, with one acknowledgement for all of them still raised (each is
 * acknowledged on its own, so every one records who took it in hand); a subject with one alarm is a plain card.
 */
export function AlarmGroupCard({
  group,
  now,
  canAcknowledge,
}: {
  group: AlarmGroup;
  now: number;
  canAcknowledge: boolean;
}) {
  const { t } = useI18n();
  const ack = useAcknowledge();
  if (group.alarms.length === 1)
    return <AlarmCard alarm={group.alarms[0]!} now={now} canAcknowledge={canAcknowledge} showContext />;
  const raised = group.alarms.filter((a) => a.status === 'raised');
  return (
    <li className="alarm-group" data-testid="alarm-group" data-subject={group.key} data-count={group.alarms.length}>
      <div className="alarm-group-head">
        <strong>{t('alarms.group.title', { count: group.alarms.length, raised: raised.length })}</strong>
        {raised.length > 1 && canAcknowledge && (
          <AcknowledgeControls
            state={ack}
            label={t('alarms.group.acknowledgeAll', { count: raised.length })}
            testId="alarm-group"
            onAcknowledge={() => void ack.acknowledge(raised)}
          />
        )}
      </div>
      <AcknowledgeError error={ack.error} />
      <ul className="alarm-list">
        {group.alarms.map((alarm) => (
          <AlarmCard key={alarm.id} alarm={alarm} now={now} canAcknowledge={canAcknowledge} showContext />
        ))}
      </ul>
    </li>
  );
}
