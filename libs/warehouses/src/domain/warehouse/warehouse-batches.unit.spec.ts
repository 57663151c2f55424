import { addBatch, consume, type Batch } from './warehouse.state';

const b = (batch: string | null, expiresAt: string | null, quantity: number): Batch => ({ batch, expiresAt, quantity });

describe('batches, first expiry first out', () => {
  it('keep expiry order on insert (no expiry last) and merge the same batch', () => {
    let batches: Batch[] = [];
    batches = addBatch(batches, b('late', '2027-06-01T00:00:00.000Z', 5));
    batches = addBatch(batches, b(null, null, 3));
    batches = addBatch(batches, b('early', '2026-12-01T00:00:00.000Z', 2));
    batches = addBatch(batches, b('late', '2027-06-01T00:00:00.000Z', 1));
    expect(batches).toEqual([
      b('early', '2026-12-01T00:00:00.000Z', 2),
      b('late', '2027-06-01T00:00:00.000Z', 6),
      b(null, null, 3),
    ]);
  });

  it('consume the earliest expiry first, partly taking the last batch touched', () => {
    const batches = [b('a', '2026-12-01T00:00:00.000Z', 2), b('b', '2027-01-01T00:00:00.000Z', 5), b(null, null, 3)];
    expect(consume(batches, 4)).toEqual([b('b', '2027-01-01T00:00:00.000Z', 3), b(null, null, 3)]);
    expect(consume(batches, 2)).toEqual([b('b', '2027-01-01T00:00:00.000Z', 5), b(null, null, 3)]);
    expect(consume(batches, 10)).toEqual([]);
    expect(consume(batches, 0)).toEqual(batches);
  });
});
