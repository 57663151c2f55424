import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The replay fold's checkpoints (`replay_checkpoints`, docs/adr/0022): the board row of an incident after its first
 * `events` events in log order. A checkpoint serves an instant when every event it covers was recorded by then
 * (`coversUntil` is the latest recording time among them, not the last one's: recording times need not follow log
 * order), so the fold from it is the fold from the start.
 */
export interface CheckpointMark {
  events: number;
  /** Global position of the last event covered. */
  position: string;
  coversUntil: Date;
  /** The last incident-stream revision covered (-1: none). */
  incidentRevision: bigint;
  /** Per warehouse stream, the last revision read while covering (streams not named: none read). */
  warehouseRevisions: Record<string, string>;
}

export interface Checkpoint extends CheckpointMark {
  /** The row as JSON, written when the checkpoint is taken (the fold goes on from the row itself). */
  row: string;
}

/**
 * Bump when the board's row function (`applyBoardEvent`) or the row's shape changes: checkpoints of the old fold are
 * then never read (and a new set is taken on the next request).
 */
export const REPLAY_FOLD_VERSION = 1;

/** The fold's name for one incident: its version and the reporting setting it applied (a setting may change). */
export function foldKey(setting: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(setting)).digest('base64url').slice(0, 16);
  return `v${REPLAY_FOLD_VERSION}:${digest}`;
}

/** Rows hold Date fields; they go to JSON tagged and come back as Dates, so a restored row is the row that was stored. */
export function rowToJson(row: unknown): string {
  return JSON.stringify(row, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

function fromJson<R>(text: string): R {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as { $date?: unknown };
      if (typeof tagged.$date === 'string' && Object.keys(value).length === 1) return new Date(tagged.$date);
    }
    return value;
  }) as R;
}

export class FoldCheckpoints {
  constructor(private readonly dataSource: DataSource) {}

  /** Every checkpoint of the incident under this fold, without their rows, oldest first. */
  async marks(incidentId: string, key: string): Promise<CheckpointMark[]> {
    const rows: {
      events: number;
      position: string;
      covers_until: Date;
      incident_revision: string;
      warehouse_revisions: Record<string, string>;
    }[] = await this.dataSource.query(
      `select events, position, covers_until, incident_revision::text, warehouse_revisions
         from replay_checkpoints where incident_id = $1 and fold_key = $2 order by events`,
      [incidentId, key],
    );
    return rows.map((r) => ({
      events: r.events,
      position: r.position,
      coversUntil: r.covers_until,
      incidentRevision: BigInt(r.incident_revision),
      warehouseRevisions: r.warehouse_revisions,
    }));
  }

  async row<R>(incidentId: string, key: string, events: number): Promise<R | undefined> {
    const rows: { row: string }[] = await this.dataSource.query(
      `select row::text as row from replay_checkpoints where incident_id = $1 and fold_key = $2 and events = $3`,
      [incidentId, key, events],
    );
    return rows[0] ? fromJson<R>(rows[0].row) : undefined;
  }

  /** Two requests may take the same checkpoints at once: they are equal, the second insert does nothing. */
  async save(incidentId: string, key: string, checkpoints: readonly Checkpoint[]): Promise<void> {
    for (const c of checkpoints) {
      await this.dataSource.query(
        `insert into replay_checkpoints
           (incident_id, fold_key, events, position, covers_until, incident_revision, warehouse_revisions, row)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::json) on conflict do nothing`,
        [
          incidentId,
          key,
          c.events,
          c.position,
          c.coversUntil,
          c.incidentRevision.toString(),
          JSON.stringify(c.warehouseRevisions),
          c.row,
        ],
      );
    }
  }
}
