import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

/** The HTTP status of each kind (libs/shared/src/nest/problem-details.filter.ts maps them the same way). */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

/** context (lib folder) → status → the stable codes its source declares, sorted. */
export type ErrorCatalogue = Map<string, Map<number, string[]>>;

const DECLARED = [
  // domainError({ code: 'TEAM_NOT_FOUND', kind: 'not_found', … }) — the error catalogues of the contexts
  /code:\s*'([A-Z][A-Z0-9_]+)',\s*kind:\s*'(invalid|forbidden|not_found|conflict|rule)'/g,
  // new DomainError(code, kind, …) with literal arguments — the few thrown in place
  /new DomainError\(\s*'([A-Z][A-Z0-9_]+)',\s*'(invalid|forbidden|not_found|conflict|rule)'/g,
];

/**
 * The domain error codes each bounded context declares, read from its source, so each operation's error responses
 * can name the codes a client may switch on. Codes are per context, not per route: a route lists those its context
 * can give.
 */
export function readErrorCatalogue(root: string): ErrorCatalogue {
  const catalogue: ErrorCatalogue = new Map();
  for (const lib of readdirSync(join(root, 'libs')).sort()) {
    const byStatus = new Map<number, Set<string>>();
    for (const file of sourceFiles(join(root, 'libs', lib, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of DECLARED) {
        for (const match of text.matchAll(pattern)) {
          const status = STATUS_OF_KIND[match[2] as ErrorKind];
          const codes = byStatus.get(status) ?? new Set<string>();
          codes.add(match[1]!);
          byStatus.set(status, codes);
        }
      }
    }
    catalogue.set(lib, new Map([...byStatus].map(([status, codes]) => [status, [...codes].sort()])));
  }
  return catalogue;
}

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') found.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.includes('.spec.')) found.push(path);
  }
  return found.sort();
}
