import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bundleReadme, INSTALL_SCRIPT, START_SCRIPT } from './bundle-files';

/**
 * `npm run bundle`: the air-gapped install (docs/deployment.md). After `npm run build`, writes
 * `dist-bundle/emergency-command-<version>.tgz` with the built server and console, package.json, the lock file, and an
 * npm cache holding the tarball of every production dependency, so that the target installs with
 * `npm ci --offline --omit=dev --cache ./npm-cache` and no registry.
 *
 * Why an npm cache and not a copied node_modules: npm checks every tarball against the lock file's integrity sum as
 * it installs, so a bundle damaged or altered on its way into the server room fails loudly; the install scripts
 * (the embedded PostgreSQL's) run on the target itself; and the tarballs are about a third of the unpacked size.
 * The cache holds the production packages npm installed on this machine (run `npm ci` first), copied from its npm
 * cache by integrity sum (no download), or from the registry when the cache has lost one. Prebuilt binaries are
 * therefore this platform's: make the bundle on the platform it is for (Linux x64, glibc).
 *
 *   node dist/infra/bundle/make-bundle.js [--out <dir>]
 */
interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

const ROOT = ((): string => {
  for (let dir = __dirname; dir !== resolve(dir, '..'); dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'package-lock.json')) && existsSync(join(dir, 'apps/command-api'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
})();

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const outDir = resolve(outIndex > 0 ? process.argv[outIndex + 1]! : join(ROOT, 'dist-bundle'));
  for (const built of ['dist/apps/command-api/src/main.js', 'apps/console/dist/index.html'])
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const name = `${pkg.name}-${pkg.version}`;
  const stage = join(outDir, name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });

  // The server (benches stay behind) and the console the server serves (CONSOLE_DIR, apps/console/dist).
  for (const part of ['apps', 'libs', 'infra'])
    cpSync(join(ROOT, 'dist', part), join(stage, 'dist', part), {
      recursive: true,
      filter: (p) => !p.endsWith('.map'),
    });
  cpSync(join(ROOT, 'apps/console/dist'), join(stage, 'apps/console/dist'), { recursive: true });
  for (const file of ['package.json', '.npmrc']) copyFileSync(join(ROOT, file), join(stage, file));
  writeFileSync(join(stage, 'package-lock.json'), lockWithTarballs());
  cpSync(join(ROOT, 'infra/deploy'), join(stage, 'deploy'), { recursive: true });
  writeFileSync(join(stage, 'install.sh'), INSTALL_SCRIPT);
  writeFileSync(join(stage, 'start.sh'), START_SCRIPT);
  chmodSync(join(stage, 'install.sh'), 0o755);
  chmodSync(join(stage, 'start.sh'), 0o755);
  writeFileSync(join(stage, 'README.md'), bundleReadme(pkg.version));

  const { copied, fetched, skipped } = fillCache(join(stage, 'npm-cache'));
  process.stdout.write(
    `npm cache: ${copied} tarballs from this machine's cache, ${fetched} from the registry, ${skipped} not installed here (other platforms) left out\n`,
  );

  const tarball = join(outDir, `${name}.tgz`);
  run('tar', ['-czf', tarball, '-C', outDir, name]);
  rmSync(stage, { recursive: true, force: true });
  process.stdout.write(`${tarball}\n`);
}

/** The package a lock entry installs (an alias names it in `name`). */
const packageName = (path: string, entry: LockEntry): string =>
  entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/**
 * The lock file with each production package's tarball address. npm reads a tarball from its cache by the integrity
 * sum only when the lock names the tarball too; without it npm asks the registry for the package's metadata first,
 * which an offline install cannot. The address is never contacted: the content is found by its integrity sum.
 */
function lockWithTarballs(): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.link || entry.resolved || !entry.version || !entry.integrity) continue;
    const name = packageName(path, entry);
    entry.resolved = `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
  }
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Every production package of the lock file into `<cacheDir>/_cacache`, where `npm --cache <cacheDir>` looks. */
function fillCache(cacheDir: string): { copied: number; fetched: number; skipped: number } {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const userCache = join(run('npm', ['config', 'get', 'cache']).trim(), '_cacache');
  const target = join(cacheDir, '_cacache');
  let copied = 0;
  let skipped = 0;
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.link || !entry.integrity || !entry.version) continue;
    // What npm left out here (another platform's binaries and what only they need) stays out of the bundle too.
    if (!existsSync(join(ROOT, path, 'package.json'))) {
      skipped++;
      continue;
    }
    const content = contentPath(entry.integrity);
    if (existsSync(join(userCache, content))) {
      mkdirSync(dirname(join(target, content)), { recursive: true });
      copyFileSync(join(userCache, content), join(target, content));
      copied++;
    } else missing.push(`${packageName(path, entry)}@${entry.version}`);
  }
  // Installed here, but no longer in npm's cache: from the registry, checked against the lock's integrity by npm.
  for (let i = 0; i < missing.length; i += 50)
    run('npm', ['cache', 'add', ...missing.slice(i, i + 50), '--cache', cacheDir, '--no-audit', '--no-fund']);
  return { copied, fetched: missing.length, skipped };
}

/**
 * Where cacache keeps content by its integrity sum: npm (pacote) reads a tarball whose lock entry has an integrity
 * straight from there, by digest, without asking the registry.
 */
function contentPath(integrity: string): string {
  const [algorithm, base64] = integrity.split(' ')[0]!.split('-', 2) as [string, string];
  const hex = Buffer.from(base64, 'base64').toString('hex');
  return join('content-v2', algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  return result.stdout;
}

try {
  main();
} catch (error) {
  process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
