// The package's index does not export the parser; its own module is the one the client runs on every connection
// string, so a string accepted here is exactly one the client accepts.
import { parseConnectionString } from '@kurrent/kurrentdb-client/dist/Client/parseConnectionString';

/** What a KurrentDB connection string says about where the store is (no credentials). */
export interface KurrentDbConnectionInfo {
  /** `host:port` of each node named, in the order given; with DNS discovery, the name(s) to resolve. */
  hosts: string[];
  dnsDiscover: boolean;
  tls: boolean;
  nodePreference: string | undefined;
}

export type KurrentDbConnectionCheck = { ok: true; info: KurrentDbConnectionInfo } | { ok: false; reason: string };

/**
 * Parses a connection string with the client's own parser. A refusal says where and what was expected, never the
 * string itself (it may hold a password). Options the client would merely warn about and ignore (a misspelt
 * `tlsCAFile`, say) are refused too: ignored, they show up only later as a failed TLS handshake in production.
 */
export function checkKurrentDbConnectionString(text: string): KurrentDbConnectionCheck {
  const warnings: string[] = [];
  const warn = console.warn;
  // The parser reports ignored options and deprecated schemes through console.warn, synchronously.
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  let parsed: ReturnType<typeof parseConnectionString>;
  try {
    parsed = parseConnectionString(text);
  } catch (error) {
    return { ok: false, reason: describeParseError(error) };
  } finally {
    console.warn = warn;
  }
  const unknown = warnings
    .map((w) => /Unknown option key "([^"]*)"/.exec(w)?.[1])
    .filter((key): key is string => key !== undefined);
  if (unknown.length > 0) return { ok: false, reason: `unknown option ${unknown.map((k) => `"${k}"`).join(', ')}` };
  if (parsed.hosts.length === 0) return { ok: false, reason: 'no host' };
  return {
    ok: true,
    info: {
      hosts: parsed.hosts.map((h) => `${h.address}:${h.port}`),
      dnsDiscover: parsed.dnsDiscover,
      // The client's default: TLS on unless the string says tls=false.
      tls: parsed.tls ?? true,
      nodePreference: parsed.nodePreference,
    },
  };
}

/**
 * The identity recorded beside a checkpoint when the server does not tell us one: the nodes the connection names,
 * sorted so that listing the same cluster's seeds in another order is the same store.
 */
export function kurrentDbStoreIdentity(info: KurrentDbConnectionInfo): string {
  const hosts = [...info.hosts].map((h) => h.toLowerCase()).sort();
  return `${info.dnsDiscover ? 'discover:' : ''}${hosts.join(',')}`;
}

function describeParseError(error: unknown): string {
  const parse = error as { location?: unknown; expected?: unknown } | null;
  if (parse && Array.isArray(parse.location) && typeof parse.expected === 'string') {
    return `at position ${String(parse.location[0])}, expected ${parse.expected}`;
  }
  return error instanceof Error ? error.message : String(error);
}
