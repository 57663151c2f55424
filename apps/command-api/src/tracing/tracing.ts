import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { formatPosition } from '@app/event-store';
import type { BatchWrapper } from '@app/event-sourcing/projections';
import type { AppConfig } from '@app/shared/nest';

/** The settings tracing reads (docs/operations.md, "Traces"): the OpenTelemetry SDK's own variable names. */
export type TracingSettings = Partial<
  Pick<
    AppConfig,
    | 'OTEL_TRACES_EXPORTER'
    | 'OTEL_EXPORTER_OTLP_ENDPOINT'
    | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
    | 'OTEL_SERVICE_NAME'
    | 'OTEL_SDK_DISABLED'
  >
> & {
  /** Tests only: spans go here (an InMemorySpanExporter), one by one, instead of to a collector. */
  traceExporter?: SpanExporter;
};

export const TRACING = Symbol('TRACING');

/** Links per projection span: a batch of 200 events from one command needs one; a replay of many commands is capped. */
const MAX_LINKS = 32;

/** The metadata field that carries the W3C trace context of the append (next to correlationId). */
export const TRACEPARENT = 'traceparent';

/**
 * Off unless asked for: `OTEL_TRACES_EXPORTER=otlp`, or an OTLP endpoint set without `OTEL_TRACES_EXPORTER=none`.
 * `OTEL_SDK_DISABLED=true` wins over both.
 */
export function tracingEnabled(settings: TracingSettings): boolean {
  if (settings.OTEL_SDK_DISABLED === 'true') return false;
  if (settings.traceExporter) return true;
  if (settings.OTEL_TRACES_EXPORTER) return settings.OTEL_TRACES_EXPORTER === 'otlp';
  return !!(settings.OTEL_EXPORTER_OTLP_ENDPOINT || settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Where OTLP/HTTP spans go: the traces endpoint as given, else the base endpoint + `/v1/traces` (the SDK's rule). */
export function otlpTracesUrl(settings: TracingSettings): string {
  if (settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = settings.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Starts tracing when enabled, else returns undefined and registers nothing: the OpenTelemetry API stays the no-op
 * it is by default, and the app adds no hook, wrapper or metadata field (the callers test for undefined).
 */
export function startTracing(settings: TracingSettings): Tracing | undefined {
  if (!tracingEnabled(settings)) return undefined;
  const exporter = settings.traceExporter ?? new OTLPTraceExporter({ url: otlpTracesUrl(settings) });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: settings.OTEL_SERVICE_NAME ?? 'command-api',
      [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? 'unknown',
    }),
    // A test reads each span as soon as it ends; a collector gets them in batches, off the request path.
    spanProcessors: [settings.traceExporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // The async-hooks context manager (a request's span stays current across its awaits) and the W3C propagator.
  provider.register();
  return new Tracing(provider);
}

/** The process's tracer and the few operations the app's traced points need, so they never touch the SDK. */
export class Tracing {
  readonly tracer: Tracer;

  constructor(private readonly provider: NodeTracerProvider) {
    this.tracer = provider.getTracer('command-api');
  }

  /** Runs `work` in a new span, current for everything it awaits; a throw marks the span as an error. */
  async inSpan<T>(
    name: string,
    options: { kind?: SpanKind; attributes?: Attributes; links?: Link[]; parent?: Context },
    work: (span: Span) => Promise<T>,
  ): Promise<T> {
    const parent = options.parent ?? context.active();
    const span = this.tracer.startSpan(
      name,
      { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), () => work(span));
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  }

  /** The W3C `traceparent` of the current span, or undefined outside any span. */
  currentTraceparent(): string | undefined {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    return carrier.traceparent;
  }

  /** A link to the span a stored `traceparent` names (an event's metadata); undefined when it names none. */
  linkTo(traceparent: unknown, attributes?: Attributes): Link | undefined {
    if (typeof traceparent !== 'string') return undefined;
    const remote = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
    return remote && trace.isSpanContextValid(remote) ? { context: remote, attributes } : undefined;
  }

  /** A link to the span current now, if any (what a later, detached span was caused by). */
  linkToCurrent(): Link | undefined {
    const current = trace.getSpan(context.active())?.spanContext();
    return current && trace.isSpanContextValid(current) ? { context: current } : undefined;
  }

  /**
   * For the projection runner: each attempt at a batch in a `projection <name>` span of its own trace, linked to the
   * spans that appended its events (at most MAX_LINKS of them), so a trace view leads from the command to the read
   * model. The deltas the batch publishes after its commit are published inside this span.
   */
  projectionBatches(): BatchWrapper {
    return (projection, events, apply) => {
      const links = new Map<string, Link>();
      for (const event of events) {
        if (links.size >= MAX_LINKS) break;
        const traceparent = event.metadata[TRACEPARENT];
        const link = typeof traceparent === 'string' && !links.has(traceparent) ? this.linkTo(traceparent) : undefined;
        if (link) links.set(traceparent as string, link);
      }
      return this.inSpan(
        `projection ${projection}`,
        {
          kind: SpanKind.CONSUMER,
          parent: ROOT_CONTEXT,
          links: [...links.values()],
          attributes: {
            'projection.name': projection,
            'projection.batch_size': events.length,
            'projection.first_position': formatPosition(events[0]!.position),
            'projection.last_position': formatPosition(events[events.length - 1]!.position),
          },
        },
        () => apply(),
      );
    };
  }

  /** Sends what is buffered and unregisters the provider, so a later start in this process may register its own. */
  async shutdown(): Promise<void> {
    try {
      await this.provider.shutdown();
    } finally {
      trace.disable();
      context.disable();
      propagation.disable();
    }
  }
}

export { SpanKind, SpanStatusCode };
