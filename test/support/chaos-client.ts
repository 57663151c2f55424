import { randomUUID } from 'node:crypto';

/** One command the API acknowledged (2xx), with everything needed to send it again and to find its events. */
export interface Acknowledged {
  method: 'POST';
  path: string;
  body: unknown;
  key: string;
  /** The stream the command writes (`team-…`, `warehouse-…`, `incident-…`); empty for a refusal. */
  stream: string;
  status: number;
  answer: Record<string, unknown>;
  /** What the worker meant (dispatch, status, receive…), for the summary. */
  kind: string;
  /** Attempts before this answer, and how many of them the client gave up waiting for (its timeout). */
  attempts: number;
  timedOut: number;
}

/**
 * Refusals a retry may get past, so not bound to the key (docs/api.md, "Retries and first answers"): sign-in and
 * permission refusals, 404 (the record may not have reached the read model a check reads yet), rate limits, a
 * conflict among concurrent writers that outlasted its retries, a reused key.
 */
const PASSING_REFUSALS = new Set(['CONCURRENT_UPDATE', 'IDEMPOTENCY_KEY_REUSED']);

/** What all workers did, counted as they did it. */
export class ChaosLedger {
  readonly acknowledged: Acknowledged[] = [];
  /** Commands refused with a 4xx that is the request's final answer (same fields as an acknowledged one). */
  readonly refused: Acknowledged[] = [];
  /** HTTP attempts, including every retry. */
  attempts = 0;
  /** Attempts that got no answer (connection refused or cut, timeout) or a 503, and were retried with their key. */
  retried = 0;
  /** Attempts the client stopped waiting for (30 s without an answer), while the server may still be handling them. */
  timeouts = 0;
  /** Commands sent (one per key), whatever their outcome. */
  commands = 0;
  readonly statuses = new Map<number, number>();
  /** Answers that are server errors other than the documented 503 (the suite asserts there are none). */
  readonly serverErrors: { path: string; status: number; body: string }[] = [];

  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/**
 * A client as a real one behaves across faults: every command carries an Idempotency-Key made once, and is sent
 * again with that key while the API cannot be reached or answers 503 (it is being restarted, or its database is),
 * until it gets an answer. The API address stays the same across restarts (the restarted process takes the port).
 */
export class ChaosClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly ledger: ChaosLedger,
    /** Give up on one command after this long without an answer: the API did not come back. */
    private readonly patienceMs = 180_000,
  ) {}

  async command(
    kind: string,
    path: string,
    body: unknown,
    stream: (answer: Answer['body']) => string,
  ): Promise<Answer> {
    const key = randomUUID();
    this.ledger.commands++;
    const giveUp = Date.now() + this.patienceMs;
    let attempts = 0;
    let timedOut = 0;
    for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
      attempts++;
      const answer = await this.post(path, body, key, () => timedOut++);
      if (answer && answer.status !== 503) {
        if (answer.status >= 500)
          this.ledger.serverErrors.push({ path, status: answer.status, body: JSON.stringify(answer.body) });
        const status = answer.status;
        const exchange = {
          method: 'POST' as const,
          path,
          body,
          key,
          status,
          answer: answer.body,
          kind,
          attempts,
          timedOut,
        };
        if (answer.status >= 200 && answer.status < 300)
          this.ledger.acknowledged.push({ ...exchange, stream: stream(answer.body) });
        else if (
          answer.status >= 400 &&
          ![401, 403, 404, 429].includes(answer.status) &&
          !PASSING_REFUSALS.has(answer.body.code as string)
        )
          this.ledger.refused.push({ ...exchange, stream: '' });
        return answer;
      }
      this.ledger.retried++;
      if (Date.now() > giveUp) throw new Error(`no answer to ${kind} ${path} within ${this.patienceMs} ms`);
      await new Promise((r) => setTimeout(r, pause));
    }
  }

  /** One attempt; undefined when no complete answer arrived (a cut connection, a body cut off, a timeout). */
  async post(path: string, body: unknown, key: string, onTimeout?: () => void): Promise<Answer | undefined> {
    this.ledger.attempts++;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.token}`,
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      this.ledger.count(response.status);
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Answer['body']) : {},
        headers: response.headers,
      };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        this.ledger.timeouts++;
        onTimeout?.();
      }
      return undefined;
    }
  }

  /** A read, retried the same way (reads carry no key: they change nothing). */
  async get(path: string): Promise<Answer> {
    const giveUp = Date.now() + this.patienceMs;
    for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          headers: { authorization: `Bearer ${this.token}` },
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status !== 503)
          return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
      } catch {
        // not reachable now: try again
      }
      if (Date.now() > giveUp) throw new Error(`no answer to GET ${path} within ${this.patienceMs} ms`);
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}
