import { Subject, type Observable } from 'rxjs';

/** Names of the server → console messages (docs/api.md section 16) and their payloads. */
import type { LiveDeltaName, LiveDeltaPayloads } from '../contract';

export type { LiveDeltaName, LiveDeltaPayloads } from '../contract';

/** Which consoles receive a delta (see the realtime gateway's rooms). */
export interface LiveDeltaScope {
  jurisdiction?: string;
  incidentId?: string;
  drillId?: string;
}

/**
 * A change to a read model, published only after its batch committed, stamped with the global position of the
 * event that caused it. `scope` decides which consoles receive it; `data` is the payload its name promises
 * (`LiveDeltaPayloads`), so a publisher cannot send one shape under another's name.
 */
export type LiveDelta = {
  [N in LiveDeltaName]: { name: N; position: string; scope: LiveDeltaScope; data: LiveDeltaPayloads[N] };
}[LiveDeltaName];

/** In-process fan-out from projection runners to the realtime gateway. */
export class LiveDeltaBus {
  private readonly subject = new Subject<LiveDelta>();
  readonly deltas: Observable<LiveDelta> = this.subject.asObservable();

  publish(deltas: readonly LiveDelta[]): void {
    for (const delta of deltas) this.subject.next(delta);
  }
}
