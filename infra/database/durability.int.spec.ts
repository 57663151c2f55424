import { durabilityProblems, readDurabilitySettings } from './durability';

describe('durability settings (no acknowledged event lost, ADR 0008)', () => {
  const url = process.env.DATABASE_URL!;

  it('finds the test PostgreSQL durable: fsync on, synchronous_commit on', async () => {
    const settings = await readDurabilitySettings(url);
    expect(settings).toMatchObject({ fsync: 'on', synchronousCommit: 'on' });
    expect(durabilityProblems(settings)).toEqual([]);
  });

  it('names synchronous_commit=off when the connection runs with it', async () => {
    const withOff = new URL(url);
    withOff.searchParams.set('options', '-c synchronous_commit=off');
    const settings = await readDurabilitySettings(withOff.toString());
    expect(settings.synchronousCommit).toBe('off');
    expect(durabilityProblems(settings)).toEqual([expect.stringContaining('synchronous_commit=off')]);
  });

  it('accepts remote_apply only with a synchronous standby, and never fsync off', () => {
    const base = { fsync: 'on', synchronousCommit: 'remote_apply', synchronousStandbyNames: '' };
    expect(durabilityProblems(base)).toHaveLength(1);
    expect(durabilityProblems({ ...base, synchronousStandbyNames: 'FIRST 1 (standby1)' })).toEqual([]);
    expect(
      durabilityProblems({ ...base, synchronousCommit: 'local', synchronousStandbyNames: 'standby1' }),
    ).toHaveLength(1);
    expect(durabilityProblems({ fsync: 'off', synchronousCommit: 'on', synchronousStandbyNames: '' })).toEqual([
      expect.stringContaining('fsync=off'),
    ]);
  });
});
