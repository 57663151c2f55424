import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/embedded/embedded-postgres.launcher';
import { createTestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';

/**
 * The air-gapped install (docs/deployment.md), end to end. SLOW: one to four minutes (the bundle, an offline
 * `npm ci` of every production package, a start). `npm run bundle` makes the tarball; extracted into an empty
 * folder, `install.sh` installs with no registry reachable (`--offline`, the registry pointed at a closed port, an
 * empty home so no user npm cache or settings help), and the installed server starts on a fresh database in
 * production mode and serves the built console.
 */
const ROOT = join(__dirname, '..', '..');
const OFFLINE_REGISTRY = 'http://127.0.0.1:9/';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}

describe('the air-gapped bundle (slow)', () => {
  jest.setTimeout(420_000);
  const work = mkdtempSync(join(tmpdir(), 'bundle-e2e-'));
  let database: { url: string; ownerUrl: string; drop(): Promise<void> } | undefined;
  let server: ChildProcess | undefined;

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((done) => server!.once('exit', done));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server!.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('installs without a registry and starts with the built console', async () => {
    // `npm test` builds before jest; alone, this builds what is missing.
    const built = [
      'dist/infra/bundle/make-bundle.js',
      'dist/apps/command-api/src/main.js',
      'apps/console/dist/index.html',
    ];
    if (!built.every((f) => existsSync(join(ROOT, f)))) run('npm', ['run', 'build'], ROOT);
    const out = join(work, 'out');
    const made = run(process.execPath, [join(ROOT, 'dist/infra/bundle/make-bundle.js'), '--out', out], ROOT);
    const tarball = readdirSync(out).find((f) => /^emergency-command-\d+\.\d+\.\d+.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();
    expect(made).toMatch(/npm cache: \d+ tarballs/);

    const target = join(work, 'target');
    mkdirSync(target);
    run('tar', ['-xzf', join(out, tarball!), '-C', target], work);
    const [folder] = readdirSync(target);
    const app = join(target, folder!);
    for (const part of ['install.sh', 'start.sh', 'README.md', 'package-lock.json', 'npm-cache', 'apps/console/dist'])
      expect(existsSync(join(app, part))).toBe(true);

    const home = join(work, 'home');
    mkdirSync(home);
    const offline = {
      PATH: process.env.PATH ?? '',
      HOME: home,
      npm_config_registry: OFFLINE_REGISTRY,
      npm_config_offline: 'true',
      npm_config_userconfig: join(home, '.npmrc'),
    };
    run('sh', ['install.sh'], app, offline);
    expect(existsSync(join(app, 'node_modules/@nestjs/core/package.json'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@node-rs/argon2/package.json'))).toBe(true);
    // Production only: no test runner, compiler or bundler came along.
    for (const dev of ['jest', 'typescript', 'vite']) expect(existsSync(join(app, 'node_modules', dev))).toBe(false);

    database = await createTestDatabase();
    const port = await freePort();
    let output = '';
    server = spawn('sh', ['start.sh'], {
      cwd: app,
      env: {
        ...offline,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
        DATABASE_URL: database.url,
        DATABASE_OWNER_URL: database.ownerUrl,
        MQTT_BROKER: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;

    // Bounded wait for the first start (migrations are already applied to the test database's template).
    const ready = await eventually(async () => {
      if (server!.exitCode !== null) throw new Error(`the installed server exited (${server!.exitCode}):\n${output}`);
      const response = await fetch(`${base}/health/ready`).catch(() => undefined);
      return response?.status === 200 ? response : undefined;
    }, 120_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${output.slice(-3000)}`);
    });
    expect(ready.status).toBe(200);

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('控制台尚未构建');
    const script = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}${script}`);
    expect(asset.status).toBe(200);
  });
});
