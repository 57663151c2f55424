import { createHash } from 'node:crypto';

/**
 * A name-based UUID (version 5 of RFC 9562: SHA-1 over the namespace's 16 bytes and the name's UTF-8 bytes). The same
 * name always gives the same id, which is what idempotent commands, alarm and sensor ids rely on. Written on
 * `node:crypto` rather than taken from a package because it is ten lines of a fixed standard and the production
 * image then needs no id library; the unit test checks it against the `uuid` package for many names.
 */
export function nameBasedUuid(name: string, namespace: string): string {
  const space = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(space)) throw new Error(`not a UUID namespace: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(space, 'hex'))
    .update(Buffer.from(name, 'utf8'))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // the RFC's variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
