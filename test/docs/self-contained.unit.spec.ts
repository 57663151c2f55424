import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The repository explains itself: the rules the code follows are written in docs/domain.md, the contract in
 * docs/api.md, decisions in docs/adr. A comment or document that sends the reader to a file outside the repository or
 * to a ticket number leaves them with nothing once that is gone, so such pointers fail here; and every `docs/...`
 * path, domain rule and API section a file cites must exist.
 */
const ROOT = join(__dirname, '..', '..');
const SELF = relative(ROOT, __filename).split('\\').join('/');
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|md|yml|yaml|html|sql|css)$/;

/** Tracked files plus new ones not yet committed (so a pointer is caught before it is committed). */
function repositoryFiles(): string[] {
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  const out = execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\0'))]
    .filter((f) => TEXT_FILE.test(f) && f !== SELF && existsSync(join(ROOT, f)))
    .sort();
}

/** What points outside the repository: documents kept elsewhere, ticket numbers, absolute paths of a workstation. */
const OUTSIDE_POINTERS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a design document kept outside the repository', pattern: /\b(DOMAIN|ARCHITECTURE|API)\.md\b/ },
  { name: 'a shared folder outside the repository', pattern: /\bshared\/(docs|seeds)\b/ },
  { name: 'an issue number', pattern: /\bissues?[\s-]*#?\d+/i },
  { name: 'an issue or pull-request number', pattern: /\b(PRs?|pull requests?)\s*#\d+/i },
  { name: 'a link to an issue or pull request', pattern: /\/(issues|pull)\/\d+/ },
  { name: 'a reference to "the issue"', pattern: /\bthe issue\b/i },
  { name: 'a design card', pattern: /\bdesign cards?\b/i },
  { name: 'an absolute path of the workstation', pattern: /\/work\/(shared|main|wt-)/ },
];

interface Hit {
  file: string;
  line: number;
  text: string;
}

function linesOf(file: string): string[] {
  return readFileSync(join(ROOT, file), 'utf8').split('\n');
}

const files = repositoryFiles();

describe('the repository is self-contained', () => {
  it('finds the files it checks', () => {
    expect(files).toContain('docs/domain.md');
    expect(files).toContain('docs/api.md');
    expect(files.filter((f) => f.startsWith('libs/')).length).toBeGreaterThan(100);
  });

  it.each(OUTSIDE_POINTERS)('no file points to $name', ({ pattern }) => {
    const hits: Hit[] = [];
    for (const file of files) {
      linesOf(file).forEach((text, i) => {
        if (pattern.test(text)) hits.push({ file, line: i + 1, text: text.trim().slice(0, 160) });
      });
    }
    expect(hits).toEqual([]);
  });

  it('every docs/… path a file cites exists', () => {
    const exists = (path: string): boolean =>
      existsSync(join(ROOT, path)) || files.some((f) => f.startsWith(`${path}-`)); // "docs/adr/0010" names an ADR
    const missing: Hit[] = [];
    for (const file of files) {
      linesOf(file).forEach((text, i) => {
        for (const m of text.matchAll(/(?<![\w./-])docs\/[\w./-]*[\w/]/g)) {
          if (!exists(m[0])) missing.push({ file, line: i + 1, text: m[0] });
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('every docs/domain.md rule and docs/api.md section a file cites exists', () => {
    const numbered = (doc: string, heading: RegExp): Set<string | undefined> =>
      new Set([...readFileSync(join(ROOT, doc), 'utf8').matchAll(heading)].map((m) => m[1]));
    const ruleNumbers = numbered('docs/domain.md', /^\*\*Rule (\d+) — /gm);
    const sectionNumbers = numbered('docs/api.md', /^## (\d+)\. /gm);
    expect(ruleNumbers.size).toBeGreaterThan(20);
    expect(sectionNumbers.size).toBeGreaterThan(10);
    const citations: readonly { cite: RegExp; known: Set<string | undefined> }[] = [
      { cite: /docs\/domain\.md,? rules? ((?:\d+)(?:\s*(?:–|-|,|and)\s*\d+)*)/g, known: ruleNumbers },
      { cite: /docs\/api\.md,? sections? ((?:\d+)(?:\s*(?:–|-|,|and)\s*\d+)*)/g, known: sectionNumbers },
    ];
    const unknown: Hit[] = [];
    for (const file of files) {
      linesOf(file).forEach((text, i) => {
        for (const { cite, known } of citations) {
          for (const m of text.matchAll(cite)) {
            for (const n of m[1]!.match(/\d+/g) ?? []) {
              if (!known.has(n)) unknown.push({ file, line: i + 1, text: m[0] });
            }
          }
        }
      });
    }
    expect(unknown).toEqual([]);
  });

  it('every source file a document names exists (a moved file takes its documentation with it)', () => {
    const missing: Hit[] = [];
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      linesOf(file).forEach((text, i) => {
        for (const m of text.matchAll(/(?<![\w./-])(?:libs|apps|test|bench|infra)\/[\w./-]*\.(?:ts|tsx)\b/g)) {
          if (!existsSync(join(ROOT, m[0]))) missing.push({ file, line: i + 1, text: m[0] });
        }
      });
    }
    expect(missing).toEqual([]);
  });
});
