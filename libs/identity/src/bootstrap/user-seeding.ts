import { Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Role } from '@app/shared';
import { PasswordHasher } from '../auth/password-hasher';
import { UserRow } from '../persistence/user.entity';

export interface SeededCredential {
  username: string;
  password: string;
  roles: Role[];
  jurisdiction: string;
}

/** Demo users: one per role in the demo jurisdictions; exist only in demo mode (the embedded default). */
const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; jurisdiction: string }> = [
  { username: 'duty', displayName: '【演示】中卫市值班员', roles: ['duty_officer'], jurisdiction: '640500' },
  // The city's second duty officer: named on the next demo shift, so `duty` can hand over and this one accept.
  { username: 'duty.next', displayName: '【演示】中卫市接班值班员', roles: ['duty_officer'], jurisdiction: '640500' },
  { username: 'commander', displayName: '【演示】中卫市指挥长', roles: ['commander'], jurisdiction: '640500' },
  { username: 'drill', displayName: '【演示】中卫市演练组织者', roles: ['drill_coordinator'], jurisdiction: '640500' },
  { username: 'viewer', displayName: '【演示】中卫市查看员', roles: ['viewer'], jurisdiction: '640500' },
  { username: 'duty.zhongning', displayName: '【演示】中宁县值班员', roles: ['duty_officer'], jurisdiction: '640521' },
  { username: 'duty.haiyuan', displayName: '【演示】海原县值班员', roles: ['duty_officer'], jurisdiction: '640522' },
];

const newPassword = (): string => randomBytes(12).toString('base64url');

/**
 * First start: an `admin` with a random password, printed once and kept in its database's file (adminPasswordFile, 0600) for the
 * operator. Demo users get random passwords too, kept in `.data/demo-users.json` (0600) so each start can print them.
 */
@Injectable()
export class UserSeeding {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Creates `admin` when no administrator exists; returns its password only when it was just created, and only then
   * writes `passwordFile` (adminPasswordFile: one per database, so a start on another database never replaces it).
   * Several API processes starting together on one database check and create under one transaction-scoped advisory
   * lock: one creates the administrator, the others find it and leave its password alone.
   */
  async ensureAdmin(rootJurisdiction: string, passwordFile: string): Promise<string | undefined> {
    const password = newPassword();
    const passwordHash = await this.hasher.hash(password);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query(`select pg_advisory_xact_lock(hashtext('users:ensure-admin'))`);
      const admins: unknown[] = await manager.query(
        `select 1 from users where 'admin' = any(roles) and disabled_at is null limit 1`,
      );
      if (admins.length > 0) return false;
      await manager.query(UPSERT_USER, [
        randomUUID(),
        'admin',
        '系统管理员',
        passwordHash,
        ['admin'],
        rootJurisdiction,
      ]);
      return true;
    });
    if (!created) return undefined;
    writeSecretFile(passwordFile, `${password}\n`);
    this.logger.log(`created administrator "admin"; password stored in ${passwordFile}`);
    return password;
  }

  async ensureDemoUsers(credentialsFile: string): Promise<SeededCredential[]> {
    const known: Record<string, string> = existsSync(credentialsFile)
      ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>)
      : {};
    const credentials: SeededCredential[] = [];
    for (const user of DEMO_USERS) {
      const exists = await this.dataSource.getRepository(UserRow).existsBy({ username: user.username });
      let password = known[user.username];
      if (!exists || !password) {
        password = newPassword();
        await this.upsert(user, password);
      }
      known[user.username] = password;
      credentials.push({ username: user.username, password, roles: user.roles, jurisdiction: user.jurisdiction });
    }
    writeSecretFile(credentialsFile, `${JSON.stringify(known, null, 2)}\n`);
    return credentials;
  }

  private async upsert(
    user: { username: string; displayName: string; roles: Role[]; jurisdiction: string },
    password: string,
  ): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.query(UPSERT_USER, [
      randomUUID(),
      user.username,
      user.displayName,
      passwordHash,
      user.roles,
      user.jurisdiction,
    ]);
  }
}

const UPSERT_USER = `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, $6, 'system')
  on conflict (username) do update set password_hash = excluded.password_hash, disabled_at = null`;

/**
 * Where the administrator's first password is kept: `<dataDir>/admin-password` for the embedded database (it lives in
 * `<dataDir>/pg`, this directory's own), `<dataDir>/admin-password.<host>-<port>-<database>` for a DATABASE_URL, so
 * processes of one directory started on different databases each keep the password of their own.
 */
export function adminPasswordFile(dataDir: string, databaseUrl?: string): string {
  if (!databaseUrl) return join(dataDir, 'admin-password');
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  const name = `${url.hostname}-${url.port || '5432'}-${database}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return join(dataDir, `admin-password.${name}`);
}

function writeSecretFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600); // writeFileSync keeps an existing file's mode
}
