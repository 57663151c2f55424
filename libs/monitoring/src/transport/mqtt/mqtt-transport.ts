import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@app/shared';
import { EmbeddedBroker } from './embedded-broker';
import { ExternalSubscriber } from './external-subscriber';
import { MqttCounters } from './mqtt-counters';
import {
  DEVICE_KEY_VERIFIER,
  INGEST_COUNTERS,
  MQTT_TRANSPORT_OPTIONS,
  READING_SINK,
  type DeviceKeyVerifier,
  type IngestCounters,
  type MqttTransportOptions,
} from './mqtt-options';
import { ReadingBatcher, type ReadingSink } from './reading-batcher';

/**
 * Readings over MQTT, started and stopped with the application: the embedded broker (default) or a subscription to an
 * external broker (MQTT_URL), both feeding the same ingest as POST /monitoring/readings, in small batches.
 */
@Injectable()
export class MqttTransport implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MQTT');
  readonly counters = new MqttCounters();
  private batcher: ReadingBatcher | undefined;
  private broker: EmbeddedBroker | undefined;
  private subscriber: ExternalSubscriber | undefined;

  constructor(
    @Inject(MQTT_TRANSPORT_OPTIONS) private readonly options: MqttTransportOptions,
    @Inject(READING_SINK) private readonly sink: ReadingSink,
    @Inject(DEVICE_KEY_VERIFIER) private readonly keys: DeviceKeyVerifier,
    @Inject(INGEST_COUNTERS) private readonly ingestCounters: IngestCounters,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Malformed messages never reach the ingest: they are counted here and on /metrics alike.
    this.counters.onMalformed = () => this.ingestCounters.rejected('mqtt', 1, 1);
  }

  get mode(): MqttTransportOptions['mode'] {
    return this.options.mode;
  }

  /** Where the embedded broker listens (its port may have been chosen by the system: MQTT_PORT=0). */
  address(): { host: string; port: number } | null {
    const address = this.broker?.address();
    return address ? { host: address.address, port: address.port } : null;
  }

  /** Whether an external broker is connected and subscribed (always true for the embedded one once listening). */
  get connected(): boolean {
    if (this.options.mode === 'embedded') return !!this.broker?.address();
    return this.subscriber?.connected ?? false;
  }

  /** Hands whatever waits to the ingest now (tests and the bench measure what has been stored). */
  flush(): Promise<void> {
    return this.batcher?.flush() ?? Promise.resolve();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.mode === 'off') return;
    const log = (message: string): void => this.logger.warn(message);
    const now = (): Date => this.clock.now();
    this.batcher = new ReadingBatcher(this.sink, this.options.batch, (outcome, error) => {
      this.counters.accepted += outcome.accepted;
      this.counters.rejected += outcome.rejected;
      this.counters.failed += outcome.failed;
      if (error) log(`readings lost: ${error instanceof Error ? error.message : 'the ingest failed'}`);
    });
    if (this.options.mode === 'embedded') {
      this.broker = new EmbeddedBroker(this.keys, this.batcher, this.counters, log, now);
      try {
        const address = await this.broker.listen(this.options.port, this.options.host);
        this.logger.log(`embedded MQTT broker on ${address.address}:${address.port}`);
      } catch (error) {
        // A port already taken (another broker on this machine) must not keep the command centre from starting:
        // the API serves without MQTT (HTTP readings still come in) and says loudly how to fix it.
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        await this.broker.close();
        this.broker = undefined;
        this.logger.error(
          `MQTT port ${this.options.host}:${this.options.port} is already in use: readings over MQTT are OFF ` +
            `(HTTP readings still work). Set MQTT_PORT to a free port, or MQTT_URL to use the broker already running.`,
        );
      }
      return;
    }
    this.subscriber = new ExternalSubscriber(this.options, this.keys, this.batcher, this.counters, log, now);
    const subscribed = await this.subscriber.start();
    // The API serves without its broker (HTTP readings still come in); the subscription follows once it is back.
    if (subscribed) this.logger.log(`subscribed to readings on ${redacted(this.options.url)}`);
    else log(`MQTT broker ${redacted(this.options.url)} not reachable yet; retrying in the background`);
  }

  /** Before the database pools close: stop taking readings, then store what was taken. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.broker?.close();
    await this.subscriber?.close();
    await this.batcher?.flush();
  }
}

function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    return parsed.toString();
  } catch {
    return 'MQTT_URL';
  }
}
