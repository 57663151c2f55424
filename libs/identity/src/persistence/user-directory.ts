import type { DataSource } from 'typeorm';
import type { ActorDirectory } from '@app/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Display names of the users, for read models that name who acted (system actors' ids are not users and are skipped). */
export class UserDirectory implements ActorDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async displayNames(userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const ids = [...new Set(userIds.filter((id) => UUID.test(id)))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `select id::text as id, display_name from users where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
