/**
 * The optimistic-concurrency precondition of an append, as EventStoreDB defines it:
 * `any` (no check), `no_stream` (must not exist), `stream_exists` (must exist) or the exact current revision.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}
