import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestKey } from '@app/shared/nest';

/** The first answer to a keyed request: status and body (a command's answer, or the problem of a refusal). */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What the key stored on one stream (its first attempt's events). */
export interface KeyedStream {
  streamName: string;
  lastRevision: number;
  /** Global position of the last event, as `commit/prepare`. */
  lastPosition: string;
}

/** What the key record says of a request before it is handled. */
export interface KeyStanding {
  /** The hash of the request the key was first used with; another hash means the key is being reused. */
  requestHash: string | null;
  /** The stored first answer; never a refusal when the key stored events (see `standingOf`). */
  answer?: StoredAnswer;
  /** The streams on which the key's events are stored (a KurrentDB reservation whose append is unknown is not). */
  applied: KeyedStream[];
}

/**
 * First answers on the key rows of `idempotency_keys` (docs/adr/0013-first-answers.md), in the read-model database
 * that exists whichever event store is configured. The row may already exist (the keyed append made it); the answer
 * is set once and never replaced, so two attempts racing under one key both leave the first answer.
 */
@Injectable()
export class AnswerStore {
  constructor(private readonly dataSource: DataSource) {}

  async standingOf(key: RequestKey): Promise<KeyStanding | undefined> {
    const rows: { request_hash: string | null; answer_status: number | null; answer_body: unknown }[] =
      await this.dataSource.query(
        `select request_hash, answer_status, answer_body from idempotency_keys where actor_id = $1 and idempotency_key = $2`,
        [key.actorId, key.key],
      );
    const row = rows[0];
    if (!row) return undefined;
    const streams: { stream_name: string; last_revision: string; last_position: string }[] =
      await this.dataSource.query(
        `select stream_name, last_revision, last_position from idempotency_key_streams
          where actor_id = $1 and idempotency_key = $2 and status = 'appended' order by created_at, stream_name`,
        [key.actorId, key.key],
      );
    const applied = streams.map((s) => ({
      streamName: s.stream_name,
      lastRevision: Number(s.last_revision),
      lastPosition: s.last_position,
    }));
    // Two attempts of one request raced: one was refused, the other stored events. What happened is the events.
    const answer =
      row.answer_status === null || (row.answer_status >= 400 && applied.length > 0)
        ? undefined
        : { status: row.answer_status, body: row.answer_body };
    return { requestHash: row.request_hash, applied, ...(answer ? { answer } : {}) };
  }

  /**
   * Binds the key to the request (if nothing else did) and stores its answer unless one is stored already. A refusal
   * is not stored once the key has stored events (an attempt racing this one applied the request).
   */
  async remember(key: RequestKey, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `insert into idempotency_keys as k (actor_id, idempotency_key, request_hash, answer_status, answer_body, answered_at)
       values ($1, $2, $3, $4, $5::jsonb, now())
       on conflict (actor_id, idempotency_key) do update
          set answer_status = excluded.answer_status, answer_body = excluded.answer_body, answered_at = now(),
              request_hash = coalesce(k.request_hash, excluded.request_hash)
        where k.answer_status is null and coalesce(k.request_hash, excluded.request_hash) = excluded.request_hash
          and (excluded.answer_status < 400 or not exists (
                select 1 from idempotency_key_streams s
                 where s.actor_id = k.actor_id and s.idempotency_key = k.idempotency_key and s.status = 'appended'))`,
      [key.actorId, key.key, key.requestHash, answer.status, JSON.stringify(answer.body ?? null)],
    );
  }
}
