import { decodePayload, MAX_READINGS_PER_MESSAGE } from './payload';
import { parseTopic, sensorTopic } from './topic';

const received = new Date('2026-12-06T08:00:00.000Z');
/** null: the enterprise topic, without a sensor. */
const decode = (text: string, sensor: string | null = 'LT-101') =>
  decodePayload(Buffer.from(text), sensor ?? undefined, received);

describe('MQTT reading payloads', () => {
  it('takes { value, at } as one reading of the topic’s sensor', () => {
    expect(decode('{"value":12.5,"at":"2026-12-06T07:59:59.000Z"}')).toEqual({
      ok: true,
      readings: [{ sensorCode: 'LT-101', value: 12.5, at: '2026-12-06T07:59:59.000Z' }],
    });
  });

  it('dates a bare number, and an object without at, by the receive time', () => {
    expect(decode(' 3.75 ')).toEqual({
      ok: true,
      readings: [{ sensorCode: 'LT-101', value: 3.75, at: received.toISOString() }],
    });
    expect(decode('-1e2')).toMatchObject({ ok: true, readings: [{ value: -100 }] });
    expect(decode('{"value":7}')).toMatchObject({ ok: true, readings: [{ value: 7, at: received.toISOString() }] });
  });

  it('takes an array of readings for one sensor (a gateway that buffered)', () => {
    const decoded = decode('[{"value":1,"at":"2026-12-06T07:00:00Z"},{"value":2}]');
    expect(decoded).toEqual({
      ok: true,
      readings: [
        { sensorCode: 'LT-101', value: 1, at: '2026-12-06T07:00:00Z' },
        { sensorCode: 'LT-101', value: 2, at: received.toISOString() },
      ],
    });
  });

  it('takes the HTTP body on the enterprise topic, each reading naming its sensor', () => {
    const decoded = decode('{"readings":[{"sensorCode":"PT-1","value":0.4},{"sensorCode":"TT-2","value":"x"}]}', null);
    expect(decoded).toEqual({
      ok: true,
      readings: [
        { sensorCode: 'PT-1', value: 0.4, at: received.toISOString() },
        // Whether a value is a number is the ingest's judgement, reading by reading: it is passed on as sent.
        { sensorCode: 'TT-2', value: 'x', at: received.toISOString() },
      ],
    });
  });

  it.each([
    ['', 'empty payload'],
    ['not json', 'not JSON'],
    ['{"val":1}', 'reading without value'],
    ['[]', 'empty batch'],
    ['"12"', 'reading without value'],
    ['null', 'reading without value'],
    ['[1,2]', 'reading without value'],
  ])('refuses %j on a sensor topic as malformed (%s)', (text, reason) => {
    expect(decode(text)).toEqual({ ok: false, reason });
  });

  it('refuses on the enterprise topic what is not the HTTP body', () => {
    expect(decode('12', null)).toEqual({ ok: false, reason: 'no readings array' });
    expect(decode('{"readings":[{"value":1}]}', null)).toEqual({
      ok: false,
      reason: 'reading without sensorCode or value',
    });
  });

  it('refuses a message with more readings than a gateway buffers', () => {
    const many = JSON.stringify(Array.from({ length: MAX_READINGS_PER_MESSAGE + 1 }, () => ({ value: 1 })));
    expect(decode(many)).toEqual({ ok: false, reason: 'too many readings' });
  });
});

describe('MQTT reading topics', () => {
  it('reads the credit code and the sensor code', () => {
    expect(parseTopic('monitoring/91640500MA76B3XX1X/LT-101')).toEqual({
      creditCode: '91640500MA76B3XX1X',
      sensorCode: 'LT-101',
    });
    expect(parseTopic('monitoring/91640500MA76B3XX1X')).toEqual({ creditCode: '91640500MA76B3XX1X' });
    expect(parseTopic(sensorTopic('A', 'B'))).toEqual({ creditCode: 'A', sensorCode: 'B' });
  });

  it.each([
    'monitoring',
    'monitoring/',
    'monitoring/a/b/c',
    'other/a/b',
    'monitoring/+/b',
    'monitoring/a/#',
    'monitoring/a/',
  ])('refuses %j', (topic) => expect(parseTopic(topic)).toBeNull());
});
