import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Client, type ClientConfig, type QueryResult } from 'pg';
import { Observable } from 'rxjs';

/**
 * Cancelling the queries of a read whose client has gone (docs/adr/0023). A console that gives up on a slow answer
 * (a closed tab, a timeout, a new filter) would otherwise leave its statements running on the server for as long as
 * they take, holding a pooled connection and CPU that the next reader needs.
 *
 * The request's AbortSignal is carried to the database through an AsyncLocalStorage: every statement a pooled
 * connection of the API starts while serving a read registers with it, and when the signal fires the statement still
 * running is cancelled with the protocol's own cancel request (the backend's pid and secret key, as `pg` does and as
 * `pg_cancel_backend` would): the server answers it 57014 and the read ends.
 *
 * A cancel request names a backend, not a statement, and travels on a connection of its own: it may land after the
 * statement it was meant for has finished. So a connection that was sent one is retired: it runs nothing more, and the
 * pool closes it on release instead of lending it to another request whose statement the late cancel would end.
 *
 * Only reads (GET, HEAD) are cancelled: a command whose client has gone still completes, because its client may come
 * back for the stored answer under the same Idempotency-Key (docs/adr/0013).
 */
const requestSignal = new AsyncLocalStorage<AbortSignal>();

/** The signal of the read being served, if any. */
export function currentRequestSignal(): AbortSignal | undefined {
  return requestSignal.getStore();
}

/** Runs `work` (and everything it starts) with `signal` as the current read's signal. */
export function withRequestSignal<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work);
}

/**
 * The pool's client class (`extra.Client` of the TypeORM data source): a `pg` client whose statements, started while
 * a read is served, are cancelled when that read's client goes away.
 */
export class CancellableClient extends Client {
  private readonly cancelConfig: ClientConfig;
  private started = 0;
  private running: number | null = null;

  constructor(config?: ClientConfig) {
    super(config);
    this.cancelConfig = config ?? {};
    // The instance's own `query`, wrapping the class's: pg's overloads cannot be restated by an override.
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    Object.defineProperty(this, 'query', {
      value: (...args: unknown[]) => {
        const signal = requestSignal.getStore();
        // The read is over: nothing more of it runs (pg fails a statement on a retired client at once).
        if (signal?.aborted) this.retire();
        return this.watched(query(...args), signal);
      },
    });
  }

  /** Registers a statement started while a read is served with that read's signal. */
  private watched(result: unknown, signal: AbortSignal | undefined): unknown {
    if (!signal || !(result instanceof Promise)) return result;
    const statement = ++this.started;
    this.running = statement;
    const cancel = () => {
      // Only while this statement is the one running; the connection is retired first, so the cancel, however late
      // it lands, can only end a statement of this read.
      if (this.running !== statement) return;
      this.retire();
      this.cancelRunning();
    };
    const done = () => {
      if (this.running === statement) this.running = null;
      signal.removeEventListener('abort', cancel);
    };
    (result as Promise<QueryResult>).then(done, done);
    if (!signal.aborted) signal.addEventListener('abort', cancel, { once: true });
    return result;
  }

  /**
   * Takes this connection out of service: `pg` refuses new statements on a client that is not queryable, and the
   * pool (pg-pool) closes such a client when it is released rather than idling it for the next request.
   */
  private retire(): void {
    (this as unknown as { _queryable: boolean })._queryable = false;
  }

  /** The protocol's cancel request for whatever this backend runs now, over a short connection of its own. */
  private cancelRunning(): void {
    const { processID, secretKey } = this as unknown as { processID: number | null; secretKey: number | null };
    if (processID === null || secretKey === null) return;
    const canceller = new Client(this.cancelConfig) as Client & {
      connection: {
        connect(port: number | string, host?: string): void;
        cancel(pid: number, key: number): void;
        on(event: string, listener: (...args: unknown[]) => void): void;
      };
      host: string;
      port: number;
    };
    const con = canceller.connection;
    con.on('error', () => undefined);
    con.on('connect', () => con.cancel(processID, secretKey));
    if (canceller.host.startsWith('/')) con.connect(`${canceller.host}/.s.PGSQL.${canceller.port}`);
    else con.connect(canceller.port, canceller.host);
  }
}

/**
 * Gives each read an AbortSignal that fires when its client goes away before the answer is sent (the response is
 * closed unfinished), and serves the read within it.
 */
@Injectable()
export class RequestCancellationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next.handle();
    const controller = new AbortController();
    const gone = () => {
      if (!reply.raw.writableFinished) controller.abort();
    };
    reply.raw.once('close', gone);
    if (request.raw.destroyed) gone();
    return new Observable((subscriber) => {
      const subscription = withRequestSignal(controller.signal, () => next.handle().subscribe(subscriber));
      return () => subscription.unsubscribe();
    });
  }
}
