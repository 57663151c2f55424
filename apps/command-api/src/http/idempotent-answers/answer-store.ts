import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestKey } from '@app/shared/nest';

/** The first answer to a keyed request: status and body (a command's answer, or the problem of a refusal). */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What the key record says of a request before it is handled. */
export interface KeyStanding {
  /** The hash of the request the key was first used with; another hash means the key is being reused. */
  requestHash: string | null;
  answer?: StoredAnswer;
  /** The key stored events on some stream (its first attempt committed), whether or not an answer was stored. */
  applied: boolean;
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
    const rows: {
      request_hash: string | null;
      answer_status: number | null;
      answer_body: unknown;
      applied: boolean;
    }[] = await this.dataSource.query(
      `select k.request_hash, k.answer_status, k.answer_body,
                exists (select 1 from idempotency_key_streams s
                         where s.actor_id = k.actor_id and s.idempotency_key = k.idempotency_key) as applied
           from idempotency_keys k where k.actor_id = $1 and k.idempotency_key = $2`,
      [key.actorId, key.key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      applied: row.applied,
      ...(row.answer_status !== null ? { answer: { status: row.answer_status, body: row.answer_body } } : {}),
    };
  }

  /** Binds the key to the request (if nothing else did) and stores its answer unless one is stored already. */
  async remember(key: RequestKey, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `insert into idempotency_keys as k (actor_id, idempotency_key, request_hash, answer_status, answer_body, answered_at)
       values ($1, $2, $3, $4, $5::jsonb, now())
       on conflict (actor_id, idempotency_key) do update
          set answer_status = excluded.answer_status, answer_body = excluded.answer_body, answered_at = now(),
              request_hash = coalesce(k.request_hash, excluded.request_hash)
        where k.answer_status is null and coalesce(k.request_hash, excluded.request_hash) = excluded.request_hash`,
      [key.actorId, key.key, key.requestHash, answer.status, JSON.stringify(answer.body ?? null)],
    );
  }
}
