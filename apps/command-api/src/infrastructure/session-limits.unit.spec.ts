import { validateConfig } from '@app/shared/nest';
import { sessionLimits } from './session-limits';

describe('session limits from configuration', () => {
  it('limits statements to 60 s and idle transactions to 30 s by default', () => {
    expect(sessionLimits(validateConfig({}))).toEqual({
      statement_timeout: 60_000,
      idle_in_transaction_session_timeout: 30_000,
    });
  });

  it('takes configured values, and 0 leaves the setting to the server', () => {
    const config = validateConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_IDLE_TX_TIMEOUT_MS: '5000',
    });
    expect(sessionLimits(config)).toEqual({ idle_in_transaction_session_timeout: 5000 });
  });

  it('refuses a negative or non-numeric value by name', () => {
    expect(() => validateConfig({ DATABASE_IDLE_TX_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_IDLE_TX_TIMEOUT_MS/);
    expect(() => validateConfig({ DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => validateConfig({ HEALTH_OLD_TRANSACTION_SECONDS: '0' })).toThrow(/HEALTH_OLD_TRANSACTION_SECONDS/);
  });
});
