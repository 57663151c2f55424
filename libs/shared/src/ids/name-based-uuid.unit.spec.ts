import fc from 'fast-check';
import { v5 as referenceV5 } from 'uuid';
import { nameBasedUuid } from './name-based-uuid';

describe('nameBasedUuid (RFC 9562 version 5)', () => {
  it('matches the RFC example: www.example.com in the DNS namespace', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives what the uuid package gives for any name and namespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), (name, namespace) => {
        expect(nameBasedUuid(name, namespace)).toBe(referenceV5(name, namespace));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => nameBasedUuid('x', 'not-a-uuid')).toThrow('not a UUID namespace');
  });
});
