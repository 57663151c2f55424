import { createBroker, type AuthenticateError, type Client } from 'aedes';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { DeviceKeyVerifier } from './mqtt-options';
import type { MqttCounters } from './mqtt-counters';
import { decodePayload } from './payload';
import type { DeviceIdentity, ReadingBatcher } from './reading-batcher';
import { parseTopic } from './topic';

type Aedes = ReturnType<typeof createBroker>;

/**
 * The broker the system runs itself when no external one is configured (aedes, MQTT 3.1.1, on plain TCP). A gateway
 * signs in with its enterprise's 统一社会信用代码 as user name and a device key as password; it may publish only under
 * `monitoring/{its credit code}/…` and subscribe to nothing but its own topics. Every message is checked against the
 * key again (the register caches keys), so a key revoked while connected stops being believed within the cache's
 * lifetime and the connection is closed.
 */
export class EmbeddedBroker {
  private readonly broker: Aedes;
  private readonly server: Server;
  private readonly keys = new WeakMap<Client, string>();

  constructor(
    private readonly keysRegister: DeviceKeyVerifier,
    private readonly batcher: ReadingBatcher,
    private readonly counters: MqttCounters,
    private readonly log: (message: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.broker = createBroker({
      authenticate: (client, username, password, done) => {
        void this.authenticate(client, username, password).then(
          (ok) => done(ok ? null : refusal(), ok),
          () => done(refusal(3), false),
        );
      },
      authorizePublish: (client, packet, done) => {
        if (!client) return done(new Error('no publisher'));
        void this.accept(client, packet.topic, packet.payload as Buffer).then(done, (error: Error) => done(error));
      },
      authorizeSubscribe: (client, subscription, done) => {
        // A gateway has no business reading anything but its own topics (and gets nothing there: the API does not
        // publish); another enterprise's topics, wildcards across enterprises and $SYS are refused (SUBACK 128).
        const own = this.identities.get(client);
        const parsed = parseTopic(subscription.topic);
        done(null, own && parsed && parsed.creditCode === own.creditCode ? subscription : null);
      },
      // Nothing the broker knows is forwarded to anyone but a gateway's own subscriptions (checked above).
    });
    this.server = createServer((socket) => this.broker.handle(socket));
  }

  private readonly identities = new WeakMap<Client, DeviceIdentity>();

  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return this.server.address() as AddressInfo;
  }

  address(): AddressInfo | null {
    const address = this.server.address();
    return address && typeof address === 'object' ? address : null;
  }

  /** Stops taking connections and closes the ones open (gateways reconnect to another replica or wait). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await closed;
  }

  private async authenticate(client: Client, username: unknown, password: unknown): Promise<boolean> {
    const creditCode = typeof username === 'string' ? username : '';
    const key = Buffer.isBuffer(password) ? password.toString('utf8') : '';
    const identity = creditCode && key ? await this.keysRegister.verify(key) : null;
    if (!identity || identity.creditCode !== creditCode) {
      this.counters.connectionsRefused++;
      this.log(`MQTT connection refused: client ${client.id}, user ${JSON.stringify(creditCode.slice(0, 40))}`);
      return false;
    }
    this.keys.set(client, key);
    this.identities.set(client, {
      enterpriseId: identity.enterpriseId,
      creditCode: identity.creditCode,
      jurisdiction: identity.jurisdiction,
    });
    return true;
  }

  /** Resolves when the message may go on (it was taken or dropped as malformed); rejects to close the connection. */
  private async accept(client: Client, topic: string, payload: Buffer): Promise<null> {
    const own = this.identities.get(client);
    const parsed = parseTopic(topic);
    if (!own || !parsed || parsed.creditCode !== own.creditCode) {
      this.counters.publishesRefused++;
      throw new Error(`publishing to ${topic.slice(0, 80)} is not allowed`);
    }
    const still = await this.keysRegister.verify(this.keys.get(client) ?? '');
    if (!still || still.enterpriseId !== own.enterpriseId) {
      this.counters.publishesRefused++;
      throw new Error('the device key was revoked');
    }
    this.counters.messages++;
    const decoded = decodePayload(payload, parsed.sensorCode, this.now());
    if (!decoded.ok) {
      this.counters.malformedMessage();
      return null;
    }
    // Behind the database: the acknowledgement waits, and with it the gateway's next QoS 1 message.
    if (this.batcher.full) await this.batcher.whenRoom();
    this.batcher.add(own, decoded.readings);
    return null;
  }
}

function refusal(returnCode: 3 | 4 = 4): AuthenticateError {
  // 4: bad user name or password (MQTT 3.1.1 CONNACK); 3: server unavailable, when the register could not answer.
  return Object.assign(new Error(returnCode === 4 ? 'bad credit code or device key' : 'register unavailable'), {
    returnCode,
  }) as AuthenticateError;
}
