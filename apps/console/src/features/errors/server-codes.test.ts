/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zh, en } from './messages';

/**
 * Every error code the server can answer has a message in the console, in both languages: the server's sources are
 * scanned for the shapes a code is written in, so a new code without a console message fails here.
 */
const ROOT = resolve(import.meta.dirname, '../../../../..');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') yield* sources(path);
    } else if (/\.ts$/.test(name) && !/\.(spec|test|d)\.ts$/.test(name)) yield path;
  }
}

/** The shapes a code is written in: a catalogue entry, a DomainError, a problem, the filter's status table, a 404. */
const PATTERNS = [
  /\bcode:\s*'([A-Z][A-Z0-9_]+)'/g,
  /new DomainError\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bproblem\(\s*\d{3},\s*'([A-Z][A-Z0-9_]+)'/g,
  /^\s*\d{3}:\s*'([A-Z][A-Z0-9_]+)',?\s*$/gm,
];

/**
 * Matches that are not codes answered to clients: sort orders (`order: { code: 'ASC' }`) and Fastify's own error
 * codes, which the problem filter maps to ours before answering.
 */
const NOT_ANSWERED = (code: string) => code === 'ASC' || code === 'DESC' || code.startsWith('FST_ERR_');

function serverCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const base of ['libs', 'apps/command-api/src']) {
    for (const file of sources(join(ROOT, base))) {
      const text = readFileSync(file, 'utf8');
      const add = (code: string) => {
        if (!NOT_ANSWERED(code) && !found.has(code)) found.set(code, relative(ROOT, file));
      };
      for (const pattern of PATTERNS) for (const m of text.matchAll(pattern)) add(m[1]!);
      // NotFoundError('USER', '用户') answers USER_NOT_FOUND.
      for (const m of text.matchAll(/new NotFoundError\(\s*'([A-Za-z_]+)'/g)) add(`${m[1]!.toUpperCase()}_NOT_FOUND`);
    }
  }
  return found;
}

describe('the console has a message for every server error code', () => {
  const codes = serverCodes();

  it('finds the codes in the sources (the scan itself works)', () => {
    for (const known of ['STALE_REVISION', 'TEAM_NOT_AVAILABLE', 'VALIDATION_FAILED', 'USER_NOT_FOUND', 'FORBIDDEN'])
      expect(codes.has(known)).toBe(true);
    expect(codes.size).toBeGreaterThan(100);
  });

  it('has a Chinese and an English message for each of them', () => {
    const missing = [...codes]
      .filter(([code]) => !(`errors.code.${code}` in zh))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
    for (const [code] of codes) {
      const key = `errors.code.${code}` as keyof typeof zh;
      expect(zh[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(en[key]).not.toMatch(/[\u4e00-\u9fff]/);
      expect(en[key]).not.toBe('');
    }
  });
});
