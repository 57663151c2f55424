import { connect, type IPublishPacket, type MqttClient } from 'mqtt';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DEVICE_KEY_PROPERTY, type DeviceKeyVerifier } from './mqtt-options';
import type { MqttCounters } from './mqtt-counters';
import { decodePayload } from './payload';
import type { ReadingBatcher } from './reading-batcher';
import { ALL_READINGS_FILTERS, parseTopic } from './topic';

/** Reconnection waits double from the first to the last, and start again from the first once connected. */
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

/**
 * The API as a client of the bureau's own broker (Mosquitto): it subscribes to every enterprise's reading topics
 * through a shared subscription, so of several API replicas exactly one takes each reading. The broker confines each
 * gateway to `monitoring/{its user name}/…` (the ACL that `npm run monitoring:mosquitto-auth` writes); this side checks
 * the device key every message carries in the MQTT v5 user property `device-key` against the enterprise register, and
 * that the key belongs to the credit code of the topic. Messages without a valid key are dropped and counted.
 */
export class ExternalSubscriber {
  private client: MqttClient | undefined;
  private retryMs = FIRST_RETRY_MS;
  private subscribed = false;
  private closing = false;
  private readonly ready: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly options: { url: string; username?: string; password?: string; shareGroup: string },
    private readonly keysRegister: DeviceKeyVerifier,
    private readonly batcher: ReadingBatcher,
    private readonly counters: MqttCounters,
    private readonly log: (message: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Connects (retrying in the background when the broker is away); resolves once subscribed or after `waitMs`. */
  async start(waitMs = 5_000): Promise<boolean> {
    const client = connect(this.options.url, {
      protocolVersion: 5,
      clientId: `command-api-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
      clean: true,
      reconnectPeriod: FIRST_RETRY_MS,
      connectTimeout: 10_000,
      ...(this.options.username ? { username: this.options.username } : {}),
      ...(this.options.password ? { password: this.options.password } : {}),
    });
    this.client = client;
    client.on('connect', () => {
      this.retryMs = FIRST_RETRY_MS;
      client.options.reconnectPeriod = FIRST_RETRY_MS;
      void this.subscribe(client);
    });
    client.on('close', () => {
      // mqtt.js waits reconnectPeriod before each attempt: doubled after every failure, so a broker that is down for
      // long is asked twice a minute, not twice a second.
      client.options.reconnectPeriod = this.retryMs;
      this.retryMs = Math.min(LAST_RETRY_MS, this.retryMs * 2);
      if (this.subscribed && !this.closing) this.log('MQTT broker connection lost; reconnecting');
      this.subscribed = false;
    });
    client.on('error', (error) => this.log(`MQTT broker: ${error.message}`));
    client.on('message', (topic, payload, packet) => void this.take(topic, payload, packet));
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      this.ready.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
    ]);
    clearTimeout(timer);
    return done;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.client?.endAsync();
  }

  private async subscribe(client: MqttClient): Promise<void> {
    try {
      const granted = await client.subscribeAsync(
        ALL_READINGS_FILTERS.map((filter) => `$share/${this.options.shareGroup}/${filter}`),
        { qos: 1 },
      );
      const refused = granted.filter((g) => g.qos > 2);
      if (refused.length > 0)
        this.log(`MQTT broker refused the subscription to ${refused.map((g) => g.topic).join(', ')}: check its ACL`);
      this.subscribed = true;
      this.resolveReady();
    } catch (error) {
      this.log(`MQTT subscribe failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async take(topic: string, payload: Buffer, packet: IPublishPacket): Promise<void> {
    const parsed = parseTopic(topic);
    if (!parsed) return;
    const property = packet.properties?.userProperties?.[DEVICE_KEY_PROPERTY];
    const key = Array.isArray(property) ? property[0] : property;
    const identity = typeof key === 'string' && key ? await this.keysRegister.verify(key).catch(() => null) : null;
    if (!identity || identity.creditCode !== parsed.creditCode) {
      this.counters.publishesRefused++;
      return;
    }
    this.counters.messages++;
    const decoded = decodePayload(payload, parsed.sensorCode, this.now());
    if (!decoded.ok) {
      this.counters.malformedMessage();
      return;
    }
    const device = {
      enterpriseId: identity.enterpriseId,
      creditCode: identity.creditCode,
      jurisdiction: identity.jurisdiction,
    };
    if (this.batcher.full) await this.batcher.whenRoom();
    this.batcher.add(device, decoded.readings);
  }
}
