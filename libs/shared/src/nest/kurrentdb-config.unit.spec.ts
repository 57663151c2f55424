import { validateConfig } from './app-config';

describe('KURRENTDB_URL at boot', () => {
  it('accepts the connection strings the client accepts', () => {
    for (const url of [
      'kurrentdb://admin:s3cret@127.0.0.1:2113?tls=false',
      'kurrentdb+discover://api:s3cret@cluster.bureau.local:2113?tlsCAFile=/etc/kurrentdb/ca.crt&nodePreference=leader',
      'kurrentdb://node1:2113,node2:2113,node3:2113?tls=true&nodePreference=leader',
    ]) {
      expect(validateConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url }).KURRENTDB_URL).toBe(url);
    }
  });

  it('refuses a URL without a scheme, naming the variable and what was expected', () => {
    expect(() => validateConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'localhost:2113' })).toThrow(
      /KURRENTDB_URL is not a KurrentDB connection string \(at position 0, expected kurrentdb:\/\//,
    );
  });

  it('refuses an http URL and a bad option value', () => {
    expect(() => validateConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://localhost:2113' })).toThrow(
      /KURRENTDB_URL/,
    );
    expect(() =>
      validateConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=maybe' }),
    ).toThrow(/KURRENTDB_URL .*expected true or false/);
  });

  it('refuses an option the client would silently ignore (a misspelt CA file)', () => {
    expect(() =>
      validateConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tlsCAFiles=/ca.crt' }),
    ).toThrow(/KURRENTDB_URL .*unknown option "tlsCAFiles"/);
  });

  it('never repeats the string, which may hold a password', () => {
    let message = '';
    try {
      validateConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://admin:Hunter2Secret@' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/KURRENTDB_URL/);
    expect(message).not.toContain('Hunter2Secret');
  });

  it('is required with EVENT_STORE=kurrentdb, and checked even when the PostgreSQL store is used', () => {
    expect(() => validateConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/EVENT_STORE=kurrentdb needs KURRENTDB_URL/);
    expect(() => validateConfig({ EVENT_STORE: 'postgres', KURRENTDB_URL: 'localhost:2113' })).toThrow(/KURRENTDB_URL/);
    expect(validateConfig({}).KURRENTDB_URL).toBeUndefined();
  });
});
