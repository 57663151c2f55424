import type { FastifyRequest } from 'fastify';
import { DomainError, StaleRevisionError } from '../errors/domain-error';
import { refusalOf } from './problem-details.filter';
import { etagOf, parseIfMatch } from './request-context';
import { revisionOf } from './revision-etag.interceptor';
import { defaultLocation } from './routes';

const refusedAsInvalid = (text: string) => {
  try {
    parseIfMatch(text);
  } catch (error) {
    return error instanceof DomainError && error.code === 'INVALID_IF_MATCH' && error.kind === 'invalid';
  }
  return false;
};

describe('If-Match', () => {
  it('takes the strong ETag a read answered and the bare revision alike', () => {
    expect(parseIfMatch('"7"')).toBe(7n);
    expect(parseIfMatch('7')).toBe(7n);
    expect(parseIfMatch(' "0" ')).toBe(0n);
    expect(parseIfMatch(etagOf(123456789012345678n))).toBe(123456789012345678n);
  });

  it('refuses a weak tag: If-Match compares strongly (RFC 9110 §13.1.1) and no read answers one', () => {
    expect(refusedAsInvalid('W/"7"')).toBe(true);
  });

  it.each(['yesterday', '', '*', '"7", "8"', '"7', '7"', '-1', '1.5', '"abc"', '1234567890123456789'])(
    'refuses %j as 400 INVALID_IF_MATCH',
    (text) => expect(refusedAsInvalid(text)).toBe(true),
  );

  it('the ETag of a revision is the revision quoted', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(etagOf(3n)).toBe('"3"');
  });
});

describe('412 or 409 for a stale revision', () => {
  const requestWith = (ifMatch?: string) =>
    ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as unknown as FastifyRequest;

  it('is 412 when the revision the client named in If-Match is the one that failed, with the same code and details', () => {
    const refusal = refusalOf(new StaleRevisionError(3n, 4n), requestWith('"3"'));
    expect(refusal).toMatchObject({
      status: 412,
      code: 'STALE_REVISION',
      details: { expectedRevision: '3', currentRevision: '4' },
    });
    expect(refusalOf(new StaleRevisionError(3n, 4n), requestWith('3'))?.status).toBe(412);
  });

  it('stays 409 when the request sent no If-Match, or the revision that failed is one the server expected itself', () => {
    expect(refusalOf(new StaleRevisionError(3n, 4n), requestWith())?.status).toBe(409);
    expect(refusalOf(new StaleRevisionError(3n, 4n))?.status).toBe(409);
    expect(refusalOf(new StaleRevisionError(5n, 6n), requestWith('"3"'))?.status).toBe(409);
  });

  it('leaves every other conflict at 409, If-Match or not', () => {
    const busy = new DomainError('TEAM_NOT_AVAILABLE', 'conflict', '该队伍当前不能调派');
    expect(refusalOf(busy, requestWith('"3"'))?.status).toBe(409);
  });
});

describe('Location of a 201', () => {
  it('a route on a collection names the created record by the answer’s id', () => {
    expect(defaultLocation('/api/v1/incidents', {}, { id: 'a1' })).toBe('/incidents/a1');
    expect(defaultLocation('/api/v1/hazard-sources', {}, { id: 'h 1' })).toBe('/hazard-sources/h%201');
  });

  it('a route below a record names that record, read whole', () => {
    expect(defaultLocation('/api/v1/incidents/:id/notifications', { id: 'i1' }, { id: 'i1' })).toBe('/incidents/i1');
    expect(defaultLocation('/api/v1/teams/:id/dispatch', { id: 't1' }, { id: 't1' })).toBe('/teams/t1');
    expect(defaultLocation('/api/v1/warehouses/:id/allocations', { id: 'w1' }, { allocationId: 'a' })).toBe(
      '/warehouses/w1',
    );
  });

  it('a collection route whose answer has no id names the collection', () => {
    expect(defaultLocation('/api/v1/scenarios', {}, {})).toBe('/scenarios');
  });
});

describe('ETag of a read', () => {
  it('is taken from a whole, non-negative revision at the top of an object answer only', () => {
    expect(revisionOf({ id: 'x', revision: 4 })).toBe(4);
    expect(revisionOf({ id: 'x', revision: 0 })).toBe(0);
    expect(revisionOf([{ revision: 4 }])).toBeUndefined();
    expect(revisionOf({ items: [{ revision: 4 }] })).toBeUndefined();
    expect(revisionOf({ revision: -1 })).toBeUndefined();
    expect(revisionOf({ revision: '4' })).toBeUndefined();
    expect(revisionOf(null)).toBeUndefined();
  });
});
