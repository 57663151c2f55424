/**
 * What the MQTT transport saw, for /metrics, the bench and the tests: messages in, readings handed to the ingest and
 * its answer, and everything refused or dropped on the way, each for its own reason.
 */
export class MqttCounters {
  /** Messages on a reading topic from an authenticated sender. */
  messages = 0;
  /** Readings the ingest stored. */
  accepted = 0;
  /** Readings the ingest refused one by one (unknown sensor, value not a number, time out of range …). */
  rejected = 0;
  /** Messages whose payload is none of the accepted shapes (docs/monitoring.md): dropped whole. */
  malformed = 0;
  /** Connections refused: no credit code, unknown or revoked key, or a key of another enterprise. */
  connectionsRefused = 0;
  /** Messages refused: another enterprise's topic, a key missing or wrong (external broker), a key revoked since. */
  publishesRefused = 0;
  /** Readings lost because the ingest failed (the database away). */
  failed = 0;

  /** Told of every malformed message (the application's ingestion counters count it too). */
  onMalformed: () => void = () => undefined;

  malformedMessage(): void {
    this.malformed++;
    this.onMalformed();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(Object.entries(this).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  }
}
