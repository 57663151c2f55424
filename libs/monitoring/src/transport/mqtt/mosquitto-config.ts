import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { TOPIC_ROOT } from './topic';

/**
 * The files that make Debian's `mosquitto` (2.0, as packaged: no auth plugin beyond the password file and ACL) a
 * broker this system can take readings from (docs/monitoring.md, "MQTT 接入"):
 *
 * - one listener for gateways, open to any client that names a user (its enterprise's credit code), where the ACL lets
 *   a client publish only under `monitoring/{its user name}` and read nothing;
 * - one listener for the API only, with a password file holding its account and an ACL that lets it read every
 *   reading topic.
 *
 * Mosquitto cannot check device keys itself: the register keeps them hashed, so no password file can be derived from
 * it. The API checks instead the key each message carries in the MQTT v5 user property `device-key`; as no gateway may
 * read, no gateway sees another's key.
 */
export interface MosquittoLayout {
  /** Where gateways connect (e.g. 0.0.0.0:1883 on the bureau's network). */
  devices: { host: string; port: number };
  /** Where the API connects (e.g. 127.0.0.1:1884, or a host reachable from the API replicas only). */
  api: { host: string; port: number };
  apiUsername: string;
  apiPassword: string;
  /** Absolute paths the configuration names. */
  passwordFile: string;
  deviceAclFile: string;
  apiAclFile: string;
  /** Run as this user when started as root (mosquitto otherwise switches to `mosquitto`, who may not read the files). */
  runAs?: string;
  /** Extra lines (persistence, logging) for the caller's setting. */
  extra?: string[];
}

export interface MosquittoFiles {
  config: string;
  passwords: string;
  deviceAcl: string;
  apiAcl: string;
}

export function mosquittoFiles(layout: MosquittoLayout): MosquittoFiles {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(layout.apiUsername))
    throw new Error('the API account name may hold letters, digits, _ . - only');
  const config = [
    '# Written by `npm run monitoring:mosquitto-auth` (docs/monitoring.md, "MQTT 接入"). Each listener has its own rules.',
    'per_listener_settings true',
    ...(layout.runAs ? [`user ${layout.runAs}`] : []),
    ...(layout.extra ?? []),
    '',
    '# Gateways: the user name is the enterprise credit code; the API checks the device key of every message.',
    `listener ${layout.devices.port} ${layout.devices.host}`,
    'protocol mqtt',
    'allow_anonymous true',
    `acl_file ${layout.deviceAclFile}`,
    '',
    '# The API (shared subscription $share/<group>/monitoring/#): password required.',
    `listener ${layout.api.port} ${layout.api.host}`,
    'protocol mqtt',
    'allow_anonymous false',
    `password_file ${layout.passwordFile}`,
    `acl_file ${layout.apiAclFile}`,
    '',
  ].join('\n');
  const deviceAcl = [
    '# A gateway publishes only under its own credit code (its MQTT user name) and reads nothing.',
    `pattern write ${TOPIC_ROOT}/%u`,
    `pattern write ${TOPIC_ROOT}/%u/+`,
    '',
  ].join('\n');
  const apiAcl = [`user ${layout.apiUsername}`, `topic read ${TOPIC_ROOT}/+`, `topic read ${TOPIC_ROOT}/+/+`, ''].join(
    '\n',
  );
  return {
    config,
    passwords: `${layout.apiUsername}:${mosquittoPasswordHash(layout.apiPassword)}\n`,
    deviceAcl,
    apiAcl,
  };
}

/**
 * Mosquitto 2.0's own password-file format (`$7$`: PBKDF2-HMAC-SHA512, the iteration count, a 12-byte salt and the
 * 64-byte hash, both base64), so the file needs no `mosquitto_passwd` on the machine that writes it.
 */
export function mosquittoPasswordHash(password: string, iterations = 10_000, salt = randomBytes(12)): string {
  const hash = pbkdf2Sync(password, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
