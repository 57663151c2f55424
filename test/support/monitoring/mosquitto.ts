import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { mosquittoFiles } from '../../../libs/monitoring/src/transport/mqtt/mosquitto-config';
import { freePort } from '../../../infra/embedded/embedded-postgres.launcher';

const CANDIDATES = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto'];

/** Debian's mosquitto binary, or null. In CI its absence is a failure (.ci/run installs it), never a skip. */
export function mosquittoBinary(): string | null {
  const found = CANDIDATES.find((path) => existsSync(path)) ?? null;
  if (!found && process.env.CI === 'true')
    throw new Error('mosquitto is not installed: .ci/run installs Debian’s mosquitto package for this suite');
  return found;
}

export interface RunningMosquitto {
  /** Where gateways connect (user name: credit code; the key in the `device-key` user property). */
  deviceUrl: string;
  /** MQTT_URL for the API, its account included. */
  apiUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A real mosquitto process with the configuration `npm run monitoring:mosquitto-auth` writes, on two free loopback
 * ports, in a directory of its own that is removed when it stops.
 */
export async function startMosquitto(binary: string): Promise<RunningMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'mosquitto-'));
  const [devicePort, apiPort] = [await freePort(), await freePort()];
  const apiPassword = randomBytes(18).toString('base64url');
  const layout = {
    devices: { host: '127.0.0.1', port: devicePort },
    api: { host: '127.0.0.1', port: apiPort },
    apiUsername: 'command-api',
    apiPassword,
    passwordFile: join(dir, 'api.passwd'),
    deviceAclFile: join(dir, 'devices.acl'),
    apiAclFile: join(dir, 'api.acl'),
    // Started as root, mosquitto would become the `mosquitto` user, who cannot read this private directory.
    runAs: userInfo().username,
    extra: ['persistence false', 'log_dest stdout', 'log_type error', 'log_type warning', 'log_type notice'],
  };
  const files = mosquittoFiles(layout);
  writeFileSync(join(dir, 'mosquitto.conf'), files.config);
  writeFileSync(layout.passwordFile, files.passwords, { mode: 0o600 });
  writeFileSync(layout.deviceAclFile, files.deviceAcl);
  writeFileSync(layout.apiAclFile, files.apiAcl);
  const child: ChildProcess = spawn(binary, ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(devicePort)) || !(await accepts(apiPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`mosquitto did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    deviceUrl: `mqtt://127.0.0.1:${devicePort}`,
    apiUrl: `mqtt://${layout.apiUsername}:${apiPassword}@127.0.0.1:${apiPort}`,
    output: () => output,
    stop,
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
