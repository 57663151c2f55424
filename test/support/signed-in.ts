import type { Role } from '../../libs/shared/src';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';
import type { TestUser } from './test-users';

/** A started app and one fresh user signed in with these roles (the city, 640500, unless a jurisdiction is given). */
export async function givenSignedIn(
  roles: Role[],
  jurisdiction?: string,
  overrides: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<{ t: TestApp; user: TestUser }> {
  const t = await startTestApp(overrides, options);
  return { t, user: await t.user(roles, jurisdiction) };
}
