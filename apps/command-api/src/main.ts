import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { apiDocsPublic, validateConfig } from '@app/shared/nest';
import { runMigrations } from '@app/infra/database/migrations';
import type { EmbeddedPostgresHandle } from '@app/infra/embedded/embedded-postgres.launcher';
import { startDetachedEmbeddedPostgres } from '@app/infra/embedded/embedded-postgres.process';
import { resolve } from 'node:path';
import { adminPasswordFile, UserSeeding } from '@app/identity';
import { JURISDICTIONS, ROLE_LABELS, type JurisdictionRegistry } from '@app/shared';
import { createApp, logsAsJson } from './bootstrap';
import { installStartupLogging } from './logging/json-logging';
import { stopGracefully } from './lifecycle/graceful-shutdown';
import { durabilityProblems, readDurabilitySettings } from '@app/infra/database/durability';
import { applicationRole, privilegeProblems } from '@app/infra/database/roles';
import { seedDemoData } from './demo/seed-demo-data';
import { seedDemoResources } from './demo/seed-demo-resources';
import { seedDemoPlansAndWatch } from './demo/seed-demo-plans';
import { mqttOptionsFrom } from '@app/monitoring';

// Before anything logs: with JSON logs, every line the process writes is JSON from the first one.
const startupLogging = installStartupLogging(process.env);

async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = validateConfig(process.env);
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.DATABASE_URL;
  let ownerUrl = config.DATABASE_OWNER_URL ?? databaseUrl;
  if (!databaseUrl) {
    logger.log('DATABASE_URL not set: starting embedded PostgreSQL under .data/pg');
    const serverLog = new Logger('EmbeddedPostgres');
    embedded = await startDetachedEmbeddedPostgres({
      name: 'pg',
      database: 'emergency_command',
      // The server's routine lines (checkpoints, start and stop) are left out; its warnings and errors are logged.
      log: (line) => {
        if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) serverLog.warn(line);
      },
    });
    databaseUrl = embedded.appUrl;
    ownerUrl = embedded.url;
  }
  // Migrations (and the grants that follow them) as the owner; the API itself connects as the application role.
  const applied = await runMigrations(ownerUrl!, { appRole: applicationRole(databaseUrl, ownerUrl!) });
  if (applied.length > 0) logger.log(`migrations applied: ${applied.join(', ')}`);
  const privileges = await privilegeProblems(databaseUrl);
  for (const problem of privileges)
    logger.warn(
      `database roles: ${problem}; set DATABASE_OWNER_URL for migrations and give DATABASE_URL a role with the grants in docs/security.md`,
    );
  // An acknowledged event must survive a crash of the database host: production refuses settings that could lose it.
  const durability = durabilityProblems(await readDurabilitySettings(databaseUrl));
  if (durability.length > 0) {
    if (config.NODE_ENV === 'production') throw new Error(`PostgreSQL is not durable:\n  ${durability.join('\n  ')}`);
    for (const problem of durability) logger.warn(`PostgreSQL is not durable: ${problem}`);
  }

  if (!config.AUTH_TOKEN_SECRET)
    logger.log(
      'AUTH_TOKEN_SECRET not set: access tokens are signed with the keys kept in auth_signing_keys (npm run auth:rotate-key)',
    );
  const app = await createApp({ ...config, DATABASE_URL: databaseUrl });
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    await stopGracefully(app, (m) => logger.log(m)).catch((e: unknown) => logger.error(String(e)));
    // Only now that every pool is closed may the embedded database stop (it would terminate live connections).
    await embedded?.stop().catch((e: unknown) => logger.error(String(e)));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  const seeding = app.get(UserSeeding);
  const roots = app.get<JurisdictionRegistry>(JURISDICTIONS).tree();
  const adminFile = adminPasswordFile(resolve(process.cwd(), '.data'), embedded ? undefined : databaseUrl);
  const adminPassword = await seeding.ensureAdmin(roots[0]!.code, adminFile);
  const demo = config.DEMO_DATA ?? !!embedded;
  const demoUsers = demo ? await seeding.ensureDemoUsers(resolve(process.cwd(), '.data/demo-users.json')) : [];
  if (demo) {
    const created = await seedDemoData(app);
    const resources = await seedDemoResources(app);
    const planning = await seedDemoPlansAndWatch(app);
    logger.log(
      `demo data: ${created} incidents, ${resources.teams} teams, ${resources.warehouses} warehouses, ${planning.plans} plans, ${planning.shifts} duty shifts created (invented data, marked 【演示】)`,
    );
  }
  const lines = [
    '',
    '  应急指挥调度系统 is running',
    `  Console      ${base}/   (指挥调度控制台: sign in with a user below)`,
    `  API          ${base}/api/v1/incidents`,
    apiDocsPublic(config) ? `  API docs     ${base}/api/docs` : '  API docs     off (API_DOCS=off)',
    `  Health       ${base}/health`,
    `  Live feed    Socket.IO namespace ${base}/console`,
    `  Readings     POST ${base}/api/v1/monitoring/readings (X-Device-Key) · MQTT ${mqttLine(config)}`,
    `  Event store  ${config.EVENT_STORE}${embedded ? ` (embedded PostgreSQL on port ${new URL(embedded.url).port}; passwords in .data/pg-credentials.json)` : ''}`,
    '',
    `  Sign in      POST ${base}/api/v1/auth/login {"username","password"} → Bearer token`,
    adminPassword
      ? `  Administrator  admin / ${adminPassword}   (shown once; also in ${adminFile}, mode 0600)`
      : `  Administrator  admin (password in ${adminFile})`,
    ...(demoUsers.length > 0
      ? [
          '  Demo users (demo mode only; passwords in .data/demo-users.json):',
          ...demoUsers.map(
            (u) =>
              `    ${u.username.padEnd(16)} ${u.password}   ${u.roles.map((r) => ROLE_LABELS[r]).join('、')} · ${u.jurisdiction}`,
          ),
        ]
      : []),
    '  Stop with Ctrl+C.',
    '',
  ];
  // With JSON logs every output line must be JSON, and passwords must not reach a log collector: one line that says
  // where things are, the administrator's password stays in its file.
  if (logsAsJson(config))
    logger.log(
      `应急指挥调度系统 is running: console ${base}/, health ${base}/health/ready, metrics ${base}/metrics; administrator password in ${adminFile}`,
    );
  else process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const message = `failed to start: ${error instanceof Error ? error.message : String(error)}`;
  if (startupLogging.json) new Logger('Main').fatal(message);
  else process.stderr.write(`${message}\n`);
  process.exit(1);
});

/** Where gateways send readings over MQTT (docs/monitoring.md, MQTT 接入), for the banner. */
function mqttLine(config: Parameters<typeof mqttOptionsFrom>[0]): string {
  const mqtt = mqttOptionsFrom(config);
  if (mqtt.mode === 'off') return 'off (MQTT_BROKER=off)';
  const where =
    mqtt.mode === 'embedded'
      ? `mqtt://${mqtt.host}:${mqtt.port} (embedded broker)`
      : `${withoutCredentials(mqtt.url)} (external broker)`;
  return `${where}, topic monitoring/{统一社会信用代码}/{传感器编码}`;
}

/** The broker URL may carry the API's account: never print it. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
