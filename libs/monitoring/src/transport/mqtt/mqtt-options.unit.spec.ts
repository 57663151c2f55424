import { validateConfig } from '@app/shared/nest';
import { mqttOptionsFrom } from './mqtt-options';

describe('MQTT settings', () => {
  it('default to the embedded broker on 127.0.0.1:1883', () => {
    expect(mqttOptionsFrom(validateConfig({}))).toMatchObject({ mode: 'embedded', host: '127.0.0.1', port: 1883 });
  });

  it('take an external broker from MQTT_URL, with the share group and the API account', () => {
    const options = mqttOptionsFrom(
      validateConfig({
        MQTT_URL: 'mqtt://broker.local:1884',
        MQTT_USERNAME: 'api',
        MQTT_PASSWORD: 'pw',
        MQTT_SHARE_GROUP: 'zw',
      }),
    );
    expect(options).toMatchObject({
      mode: 'external',
      url: 'mqtt://broker.local:1884',
      username: 'api',
      password: 'pw',
      shareGroup: 'zw',
    });
  });

  it('can be switched off', () => {
    expect(mqttOptionsFrom(validateConfig({ MQTT_BROKER: 'off' }))).toEqual({ mode: 'off' });
  });

  it.each([
    [{ MQTT_BROKER: 'external' }, /MQTT_BROKER=external needs MQTT_URL/],
    [{ MQTT_BROKER: 'embedded', MQTT_URL: 'mqtt://x:1883' }, /MQTT_URL names an external broker/],
    [{ MQTT_URL: 'http://x' }, /MQTT_URL 须为 mqtt:\/\/ 或 mqtts:\/\/ 地址/],
    [{ MQTT_PORT: '70000' }, /MQTT_PORT/],
    [{ MQTT_SHARE_GROUP: 'a/b' }, /MQTT_SHARE_GROUP/],
    [{ MQTT_BROKER: 'mosquitto' }, /MQTT_BROKER/],
  ])('refuse %j at start', (raw, message) => {
    expect(() => validateConfig(raw)).toThrow(message);
  });
});
