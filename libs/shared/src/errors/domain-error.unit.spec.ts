import { DomainError, domainError } from './domain-error';

describe('domainError', () => {
  const FixedError = domainError({ code: 'THING_FIXED', kind: 'conflict', message: '固定文字' });
  const BuiltError = domainError({
    code: 'THING_BUILT',
    kind: 'rule',
    message: (name: string, count: number) => `${name} 共 ${count} 条`,
    details: (name, count) => ({ name, count }),
  });

  it('makes a DomainError subclass with the catalogue code, kind and Chinese detail', () => {
    const error = new FixedError();
    expect(error).toBeInstanceOf(FixedError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'THING_FIXED', kind: 'conflict', message: '固定文字', name: 'DomainError' });
    expect(error.details).toBeUndefined();
  });

  it('builds the message and details from the constructor arguments', () => {
    const error = new BuiltError('队伍', 3);
    expect(error).toMatchObject({ code: 'THING_BUILT', kind: 'rule', message: '队伍 共 3 条' });
    expect(error.details).toEqual({ name: '队伍', count: 3 });
  });

  it('keeps each catalogue entry a class of its own, so instanceof tells them apart', () => {
    expect(new FixedError()).not.toBeInstanceOf(BuiltError);
    expect(new BuiltError('a', 1)).not.toBeInstanceOf(FixedError);
    expect(() => {
      throw new BuiltError('a', 1);
    }).toThrow(BuiltError);
  });
});
