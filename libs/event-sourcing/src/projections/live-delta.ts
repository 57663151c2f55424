import { Subject, type Observable } from 'rxjs';

/** Names of the server → console messages (docs/api.md section 16). */
export type LiveDeltaName =
  | 'incident.changed'
  | 'timeline.appended'
  | 'team.changed'
  | 'stock.changed'
  | 'deadline.due'
  | 'deadline.overdue'
  | 'plan.suggested'
  | 'warning.issued'
  | 'warning.changed'
  | 'duty.changed'
  | 'rollcall.issued'
  | 'rollcall.answered'
  | 'rollcall.missed'
  | 'drill.changed'
  | 'drill.message';

/**
 * A change to a read model, published only after its batch committed, stamped with the global position of the
 * event that caused it. `scope` decides which consoles receive it.
 */
export interface LiveDelta {
  name: LiveDeltaName;
  position: string;
  scope: { jurisdiction?: string; incidentId?: string; drillId?: string };
  data: unknown;
}

/** In-process fan-out from projection runners to the realtime gateway. */
export class LiveDeltaBus {
  private readonly subject = new Subject<LiveDelta>();
  readonly deltas: Observable<LiveDelta> = this.subject.asObservable();

  publish(deltas: readonly LiveDelta[]): void {
    for (const delta of deltas) this.subject.next(delta);
  }
}
