import type { Pool } from 'pg';
import { APPEND_CHANNEL } from './append-listener';

/**
 * Tells listening subscribers that something was appended, AFTER the append committed and outside its transaction.
 * A pg_notify inside the append would serialize every committing append on PostgreSQL's notification-queue lock;
 * here at most one NOTIFY is in flight per store and pokes that arrive meanwhile collapse into one more. Subscribers
 * only learn "look again" from it (they read what is committed), so a coalesced or lost NOTIFY delays nothing beyond
 * the polling fallback.
 */
export class AppendNotifier {
  private inFlight = false;
  private pending = false;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly log: (message: string) => void,
  ) {}

  poke(): void {
    if (this.closed) return;
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.send();
  }

  close(): void {
    this.closed = true;
  }

  private send(): void {
    this.inFlight = true;
    this.pending = false;
    this.pool
      .query(`select pg_notify('${APPEND_CHANNEL}', '')`)
      .catch((error: unknown) =>
        this.log(
          `event store NOTIFY failed (subscribers poll): ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.inFlight = false;
        if (this.pending && !this.closed) this.send();
      });
  }
}
