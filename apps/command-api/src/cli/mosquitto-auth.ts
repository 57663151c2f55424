import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mosquittoFiles } from '@app/monitoring';

/**
 * `npm run monitoring:mosquitto-auth -- [--out DIR] [--device-host H] [--device-port P] [--api-host H] [--api-port P]`:
 * writes a Mosquitto configuration for readings (docs/monitoring.md, "MQTT 接入"): a listener for gateways confined by
 * ACL to their own enterprise's topics, a listener for the API with a password file, and the MQTT_URL to give the API.
 * The API account's password is kept in DIR/api-password (0600) and reused on later runs, so re-running after a
 * change of ports does not break a running API.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: '.data/mosquitto' },
      'device-host': { type: 'string', default: '0.0.0.0' },
      'device-port': { type: 'string', default: '1883' },
      'api-host': { type: 'string', default: '127.0.0.1' },
      'api-port': { type: 'string', default: '1884' },
      'api-user': { type: 'string', default: 'command-api' },
    },
  });
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const passwordPath = join(dir, 'api-password');
  const apiPassword = existsSync(passwordPath)
    ? readFileSync(passwordPath, 'utf8').trim()
    : randomBytes(24).toString('base64url');
  writeFileSync(passwordPath, `${apiPassword}\n`, { mode: 0o600 });
  const port = (text: string, name: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`--${name} must be a TCP port`);
    return value;
  };
  const layout = {
    devices: { host: values['device-host'], port: port(values['device-port'], 'device-port') },
    api: { host: values['api-host'], port: port(values['api-port'], 'api-port') },
    apiUsername: values['api-user'],
    apiPassword,
    passwordFile: join(dir, 'api.passwd'),
    deviceAclFile: join(dir, 'devices.acl'),
    apiAclFile: join(dir, 'api.acl'),
  };
  const files = mosquittoFiles(layout);
  writeFileSync(join(dir, 'mosquitto.conf'), files.config);
  writeFileSync(layout.passwordFile, files.passwords, { mode: 0o640 });
  chmodSync(layout.passwordFile, 0o640);
  writeFileSync(layout.deviceAclFile, files.deviceAcl);
  writeFileSync(layout.apiAclFile, files.apiAcl);
  const apiHost = layout.api.host === '0.0.0.0' ? '127.0.0.1' : layout.api.host;
  process.stdout.write(
    [
      `wrote ${join(dir, 'mosquitto.conf')}, api.passwd, devices.acl, api.acl`,
      `  start:  mosquitto -c ${join(dir, 'mosquitto.conf')}   (or include it from /etc/mosquitto/conf.d; the mosquitto user must read the files)`,
      `  API:    MQTT_URL=mqtt://${layout.apiUsername}:<password in ${passwordPath}>@${apiHost}:${layout.api.port}`,
      `  gateways connect to port ${layout.devices.port}: user name = 统一社会信用代码, MQTT v5, user property device-key = 设备密钥`,
      '',
    ].join('\n'),
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`monitoring:mosquitto-auth: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
