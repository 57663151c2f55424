import type { Session } from '../../ui-types';

/** 告警中心: being built; the route and navigation exist so the feature can land in its own folder. */
export function AlarmCentreScreen({ session }: { session: Session }) {
  return <section className="screen" data-testid="alarms-screen" data-user={session.user.id} />;
}
