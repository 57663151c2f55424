import { timingSafeEqual, createHash } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { addressList } from '@app/shared/nest';

export const METRICS_ACCESS = Symbol('METRICS_ACCESS');

/** The ranges proxy-addr names (also accepted by TRUST_PROXY), as CIDRs. */
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Who may scrape `GET /metrics`: the client address (the TCP peer, or X-Forwarded-For from a TRUST_PROXY proxy) must
 * be in METRICS_ALLOW, and when METRICS_TOKEN is set the request must carry it as a bearer token. Without either
 * setting only this machine may scrape (loopback); with only the token, any address that has it.
 */
export class MetricsAccess {
  private readonly allowed = new BlockList();
  private readonly tokenDigest: Buffer | undefined;

  constructor(config: { METRICS_TOKEN?: string; METRICS_ALLOW?: string }) {
    const entries =
      config.METRICS_ALLOW !== undefined
        ? addressList(config.METRICS_ALLOW)
        : config.METRICS_TOKEN
          ? ['0.0.0.0/0', '::/0']
          : ['loopback'];
    for (const entry of entries.flatMap((e) => NAMED[e] ?? [e])) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.allowed.addAddress(address!, family);
      else this.allowed.addSubnet(address!, Number(prefix), family);
    }
    this.tokenDigest = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
  }

  /** 'ok', or why not: 'address' (403: not from an allowed network) or 'token' (401: missing or wrong token). */
  check(clientAddress: string, authorization: string | undefined): 'ok' | 'address' | 'token' {
    if (!this.addressAllowed(clientAddress)) return 'address';
    if (!this.tokenDigest) return 'ok';
    const given = /^Bearer (\S+)$/.exec(authorization?.trim() ?? '')?.[1];
    // Compared as digests of equal length, in constant time, so the comparison says nothing about the token.
    return given && timingSafeEqual(digest(given), this.tokenDigest) ? 'ok' : 'token';
  }

  private addressAllowed(address: string): boolean {
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const family = isIP(plain);
    if (family === 0) return false;
    return this.allowed.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
