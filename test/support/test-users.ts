import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { hash as argon2Hash } from '@node-rs/argon2';
import { PasswordHasher } from '../../libs/identity/src';
import type { Role } from '../../libs/shared/src';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
}

/**
 * Creates a user straight in the suite's database (hashed as the app hashes) and signs it in over real HTTP, so
 * every test acts as a real, token-bearing user with the roles and jurisdiction it names.
 */
export async function createSignedInUser(
  app: NestFastifyApplication,
  baseUrl: string,
  sql: (text: string, params?: unknown[]) => Promise<unknown[]>,
  roles: Role[],
  jurisdiction: string,
): Promise<TestUser> {
  const username = `u${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const password = `pw-${randomUUID()}`;
  const id = randomUUID();
  const hash = await app.get(PasswordHasher).hash(password);
  await sql(
    `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, $6, 'test')`,
    [id, username, `测试用户 ${username}`, hash, roles, jurisdiction],
  );
  const login = await request(baseUrl).post('/api/v1/auth/login').send({ username, password });
  if (login.status !== 200)
    throw new Error(`test user could not sign in: ${login.status} ${JSON.stringify(login.body)}`);
  return { id, username, password, token: login.body.accessToken };
}

/**
 * For a server in a process of its own (no Nest app to ask for the hasher): the user row goes straight into its
 * database, hashed with the same argon2id defaults, and signs in over HTTP. Returns the user and its token.
 */
export async function signInToServer(
  sql: { query(text: string, params?: unknown[]): Promise<unknown> },
  baseUrl: string,
  roles: Role[],
  jurisdiction = '640500',
): Promise<TestUser> {
  const username = `u${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const password = `pw-${randomUUID()}`;
  const id = randomUUID();
  await sql.query(
    `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, $6, 'test')`,
    [id, username, `测试用户 ${username}`, await argon2Hash(password), roles, jurisdiction],
  );
  const login = await request(baseUrl).post('/api/v1/auth/login').send({ username, password });
  if (login.status !== 200)
    throw new Error(`test user could not sign in: ${login.status} ${JSON.stringify(login.body)}`);
  return { id, username, password, token: login.body.accessToken };
}
