import { useQuery } from '@tanstack/react-query';
import type { DrillView } from '@app/drills/contract';
import type { IncidentView } from '@app/incidents/contract';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { drillKey } from '../drills/drill-words';

export interface DrillGate {
  /** Whether the incident takes commands now: a real incident always, a drill incident only while its drill runs. */
  mayAct: boolean;
  /** The drill's status once read when it is not running (planned or ended); null otherwise. */
  stopped: DrillView['status'] | null;
}

/**
 * A drill incident is drill data: the server takes no command on it unless its drill runs (DRILL_NOT_RUNNING), so the
 * workspace offers none then. While the drill is being read nothing is offered either; if it cannot be read the
 * actions stay and the server's answer is shown as usual.
 */
export function useDrillGate(incident: Pick<IncidentView, 'drillId'>): DrillGate {
  const drillId = incident.drillId ?? '';
  const drill = useQuery({
    queryKey: drillKey(drillId),
    queryFn: () => get<DrillView>(`/drills/${drillId}`),
    enabled: drillId !== '',
  });
  if (!drillId) return { mayAct: true, stopped: null };
  const status = drill.data?.status;
  if (status === undefined) return { mayAct: drill.isError, stopped: null };
  return status === 'running' ? { mayAct: true, stopped: null } : { mayAct: false, stopped: status };
}

/** The line said in place of the actions of a drill incident whose drill is not running. */
export function DrillStoppedNotice({ status }: { status: DrillView['status'] }) {
  const { t } = useI18n();
  return (
    <p className="notice" data-testid="drill-stopped" role="status">
      {t(status === 'planned' ? 'incident.drill.notStarted' : 'incident.drill.stopped')}
    </p>
  );
}

/** Back to where the incident is followed: the drill's page for a drill incident, the board for a real one. */
export function IncidentBackLink({ incident }: { incident: Pick<IncidentView, 'drillId'> }) {
  const { t } = useI18n();
  if (incident.drillId)
    return (
      <a
        href={`/drills/${incident.drillId}`}
        className="back"
        data-testid="incident-back"
        onClick={linkHandler(`/drills/${incident.drillId}`)}>
        ← {t('incident.backToDrill')}
      </a>
    );
  return (
    <a href="/board" className="back" data-testid="incident-back" onClick={linkHandler('/board')}>
      ← {t('detail.back')}
    </a>
  );
}
