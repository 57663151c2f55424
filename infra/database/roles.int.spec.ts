import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { applicationRole, grantApplicationRole, privilegeProblems } from './roles';

/**
 * The grants on the suite's shared database (migrated by the global setup as the owner, with the application role of
 * TEST_APP_DATABASE_URL): what the start-up check reports for each role, and the `append-only` table comment another
 * migration can use to give a new log the event store's protection.
 */
describe('database roles', () => {
  const ownerUrl = process.env.DATABASE_URL!;
  const appUrl = process.env.TEST_APP_DATABASE_URL!;
  const appRole = decodeURIComponent(new URL(appUrl).username);

  it('names the application role only when it differs from the owner', () => {
    expect(applicationRole(appUrl, ownerUrl)).toBe(appRole);
    expect(applicationRole(ownerUrl, ownerUrl)).toBeUndefined();
  });

  it('warns about an application connection that could rewrite events, and not about the limited role', async () => {
    expect(await privilegeProblems(ownerUrl)).toEqual([expect.stringMatching(/superuser|owns the event store/)]);
    expect(await privilegeProblems(appUrl)).toEqual([]);
  });

  it('a table commented append-only is insert-and-read for the application role after the grants', async () => {
    const table = `probe_log_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const owner = new Client({ connectionString: ownerUrl });
    const app = new Client({ connectionString: appUrl });
    await owner.connect();
    await app.connect();
    try {
      await owner.query(`create table ${table} (id serial primary key, what text not null)`);
      await owner.query(`comment on table ${table} is 'append-only: a probe'`);
      await grantApplicationRole(owner, appRole);
      await app.query(`insert into ${table} (what) values ('登录失败')`);
      expect((await app.query(`select what from ${table}`)).rows).toEqual([{ what: '登录失败' }]);
      await expect(app.query(`update ${table} set what = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`delete from ${table}`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`truncate ${table}`)).rejects.toThrow(/permission denied/);
      // An ordinary table created the same way is fully writable (default privileges and the grant step).
      await owner.query(`comment on table ${table} is null`);
      await grantApplicationRole(owner, appRole);
      await app.query(`update ${table} set what = '已更正'`);
    } finally {
      await owner.query(`drop table if exists ${table}`);
      await app.end();
      await owner.end();
    }
  });
});
