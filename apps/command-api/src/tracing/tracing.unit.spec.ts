import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { validateConfig } from '@app/shared/nest';
import { otlpTracesUrl, startTracing, tracingEnabled } from './tracing';

/** Whether the global OpenTelemetry API records anything now (a no-op tracer's spans never do). */
function globalTracerRecords(): boolean {
  const span = trace.getTracer('probe').startSpan('probe');
  const recording = span.isRecording() && trace.isSpanContextValid(span.spanContext());
  span.end();
  return recording;
}

describe('tracing settings', () => {
  it('is off by default: nothing is registered and the global API stays the no-op', () => {
    const config = validateConfig({ NODE_ENV: 'test' });
    expect(config.OTEL_SERVICE_NAME).toBe('command-api');
    expect(tracingEnabled(config)).toBe(false);
    expect(startTracing(config)).toBeUndefined();
    expect(globalTracerRecords()).toBe(false);
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    expect(carrier).toEqual({});
  });

  it('follows the OpenTelemetry variables: an exporter named otlp, or an endpoint, unless none or disabled', () => {
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(
      false,
    );
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(otlpTracesUrl({})).toBe('http://localhost:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      otlpTracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/v1/spans',
      }),
    ).toBe('https://traces.example/v1/spans');
  });

  it('refuses values it does not know at boot', () => {
    expect(() => validateConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() => validateConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });

  it('when on, registers a recording provider, and its shutdown leaves the no-op API again', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ traceExporter: exporter, OTEL_SERVICE_NAME: 'command-api-test' });
    expect(tracing).toBeDefined();
    expect(globalTracerRecords()).toBe(true);
    await tracing!.inSpan('unit', {}, () => Promise.resolve());
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toContain('unit');
    expect(spans[0]!.resource.attributes['service.name']).toBe('command-api-test');
    await tracing!.shutdown();
    expect(globalTracerRecords()).toBe(false);
  });
});
