import { Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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
 * First start: an `admin` with a random password, printed once and kept in `.data/admin-password` (0600) for the
 * operator. Demo users get random passwords too, kept in `.data/demo-users.json` (0600) so each start can print them.
 */
@Injectable()
export class UserSeeding {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates `admin` when no administrator exists; returns its password only when it was just created. */
  async ensureAdmin(rootJurisdiction: string, passwordFile: string): Promise<string | undefined> {
    const admins: unknown[] = await this.dataSource.query(
      `select 1 from users where 'admin' = any(roles) and disabled_at is null limit 1`,
    );
    if (admins.length > 0) return undefined;
    const password = newPassword();
    await this.upsert(
      { username: 'admin', displayName: '系统管理员', roles: ['admin'], jurisdiction: rootJurisdiction },
      password,
    );
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
    await this.dataSource.query(
      `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, $6, 'system')
       on conflict (username) do update set password_hash = excluded.password_hash, disabled_at = null`,
      [randomUUID(), user.username, user.displayName, passwordHash, user.roles, user.jurisdiction],
    );
  }
}

function writeSecretFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600); // writeFileSync keeps an existing file's mode
}
