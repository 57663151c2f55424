import type { Session } from '../../ui-types';

/** 值班台: being built; the route and navigation exist so the feature can land in its own folder. */
export function DutyDeskScreen({ session }: { session: Session }) {
  return <section className="screen" data-testid="duty-desk-screen" data-user={session.user.id} />;
}
