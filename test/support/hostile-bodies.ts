// Over 300 lines on purpose: a catalogue of hostile request bodies, one entry per route; a table reads best whole.
import fc from 'fast-check';

/**
 * Generators of hostile HTTP input for the hostile-input suite (docs/security.md): a generated value is a plan
 * (plain data, so fast-check can print and shrink it); `materialize` turns a plan and an endpoint's valid body
 * into the bytes that go on the wire.
 */

/** A key that changes meaning somewhere: prototype pollution, typos of real fields, odd Unicode. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const ODD_KEYS = [
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'length',
  '',
  ' ',
  'a.b',
  '$where',
  '\u0000',
  '😀',
  '\u202e',
  'title ',
  'TITLE',
  'Title',
];
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

/** UTF-16 code units outside well-formed Unicode: lone surrogates survive JSON.stringify as \udxxx escapes. */
const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 5,
});

const SPECIAL_SCALARS: unknown[] = [
  -1,
  0,
  -0,
  1.5,
  0.1,
  1e308,
  -1e308,
  5e-324,
  1e-7,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  1_000_001,
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '1_000',
  '３',
  '',
  ' ',
  '\t',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '😀',
  '\u202eRTL',
  '\u200b',
  'Ω̴̡̢̛̛̛̗̘̙̜̝̞̟',
  'null',
  'true',
  'undefined',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '${7*7}',
  '../../etc/passwd',
  '2026-11-22',
  '2026-02-30T25:61:00+08:00',
  '2026-11-22T13:40:00+99:00',
  '+275760-09-13T00:00:00Z',
  true,
  false,
  null,
  [],
  {},
  [null],
  [[]],
  { '': '' },
];

/** One JSON value of a type or size the field does not expect. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_SCALARS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: loneSurrogates },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 10 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('x', '中', '😀', '\u0000', '\ud800', ' '))
      .map(([n, c]) => c.repeat(n)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 50_000 }), fc.constantFrom<unknown>(0, 'x', null, {}))
      .map(([n, v]) => new Array<unknown>(n).fill(v)),
  },
  { weight: 1, arbitrary: fc.constant({ prototype: { polluted: true } }) },
);

/** JSON text spliced in where a value goes: numbers JSON.parse turns into Infinity or rounds, deep nesting, tokens that are not JSON. */
export const rawToken: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '1e309',
      '-1e309',
      '1e-400',
      '123456789012345678901234567890',
      '-0',
      '0.0',
      '1E2',
      '9007199254740993',
      '"\\ud800"',
      '"\\u0000"',
      '"\\uD83D\\uDE00"',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      // not JSON at all: the whole body becomes malformed
      'NaN',
      'Infinity',
      'undefined',
      '01',
      '.5',
      '+1',
      "'x'",
      '"\\x41"',
      '"a\u0000b"',
      '"unterminated',
      '[1,]',
      '{"a"}',
      '0x10',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)) },
);

/** Whole bodies that are not JSON, or JSON a parser should refuse or treat with care. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '{',
      '[',
      '{"a":',
      'null',
      'true',
      'false',
      '0',
      '-1',
      '"string"',
      '[]',
      '{}',
      '[{}]',
      'undefined',
      "{'a':1}",
      '{"a":1,}',
      '{"a":1}{"b":2}',
      '{"a":1} trailing',
      '\ufeff{}',
      '{"a":"\u0000"}',
      '{"a":"\\ud800"}',
      '<?xml version="1.0"?><a/>',
      'a=1&b=2',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"a":1,"a":2}',
      '\u0000',
      '\uffff',
      'ÿ',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'splice'; at: number; raw: string }
  | { op: 'extra'; at: number; key: string; value: unknown };

export type BodyPlan =
  | { kind: 'valid' }
  | { kind: 'none' }
  | { kind: 'mutated'; mutations: Mutation[] }
  | { kind: 'json'; value: unknown }
  | { kind: 'object'; entries: [string, unknown][] }
  | { kind: 'raw'; text: string }
  | { kind: 'truncated'; at: number }
  | { kind: 'oversized'; bytes: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), raw: rawToken }),
  fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: hostileKey, value: hostileValue }),
);

export const bodyPlan: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      value: fc.oneof(hostileValue, fc.jsonValue({ maxDepth: 4 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('object' as const),
      entries: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: rawBody }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }) },
);

/** Content types: mostly JSON so bodies reach validation, and the rest a parser must refuse cleanly. `null` sends none. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | null>(
      null,
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'Application/JSON',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; foo=bar',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/xml',
      'text/xml',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'application/problem+json',
      'application/vnd.api+json',
      'application/jsonp',
      '*/*',
      'json',
      '',
      'application/json, text/plain',
      'text/html',
    ),
  },
);

/** Header values a client might send: valid, empty, too long, non-ASCII (Latin-1, as HTTP allows), reused. */
const latin1 = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
export const idempotencyKey: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.uuid() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'k',
      'same-key',
      'a b',
      'x'.repeat(200),
      'x'.repeat(201),
      'x'.repeat(1000),
      'é',
      '"quoted"',
      '-',
      '\t',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 250 }) },
  { weight: 1, arbitrary: latin1 },
);
export const ifMatch: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '2',
      '"3"',
      'W/"1"',
      '-1',
      '*',
      '99999999999999999999',
      '999999999999999999',
      '1.5',
      '1e3',
      'yesterday',
      '""',
      'W/',
      '"1", "2"',
      '0x1',
    ),
  },
  { weight: 1, arbitrary: fc.nat().map(String) },
  { weight: 1, arbitrary: latin1 },
);

export type AuthPlan = 'valid' | 'none' | 'empty-bearer' | 'garbage' | 'tampered' | 'basic' | 'other-role';
export const authPlan: fc.Arbitrary<AuthPlan> = fc.oneof(
  { weight: 14, arbitrary: fc.constant('valid' as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<AuthPlan>('none', 'empty-bearer', 'garbage', 'tampered', 'basic', 'other-role'),
  },
);

/** Path ids: the real target most of the time, else unknown, malformed, encoded-but-odd or not even a valid URL component. */
export type IdPlan =
  { kind: 'real' } | { kind: 'alias' } | { kind: 'encoded'; text: string } | { kind: 'verbatim'; text: string };
export const idPlan: fc.Arbitrary<IdPlan> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({ kind: 'real' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'alias' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('encoded' as const),
      text: fc.oneof(
        fc.uuid(),
        fc.string({ unit: 'binary', maxLength: 50 }),
        fc.constantFrom('00000000-0000-0000-0000-000000000000', 'x'.repeat(5000), '..', '.', ' '),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('verbatim' as const),
      text: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2e%2e', '..%2f..%2fusers', 'a%2Fb', '%u0041', '%F0%9F%98'),
    }),
  },
);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An own, enumerable property even for `__proto__` (plain assignment would set the prototype and vanish from JSON).
 * The value goes in as a copy: fast-check may hand the same object to two mutations, and inserting one object into
 * itself made a cycle that JSON.stringify refused and the path walk followed forever (a test-process OOM).
 */
function define(target: JsonObject | unknown[], key: string, value: unknown): void {
  const copy = value === undefined ? undefined : (JSON.parse(JSON.stringify(value) ?? 'null') as unknown);
  Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
}

function objectOf(entries: [string, unknown][]): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) define(object, key, value);
  return object;
}

/** Every path into the body (the root too), objects and arrays alike. */
function pathsOf(value: unknown, prefix: string[] = [], paths: string[][] = []): string[][] {
  // Collected into one array, not spread back up: a generated body may hold hundreds of thousands of paths, more
  // than a spread call can pass as arguments (RangeError: Maximum call stack size exceeded).
  paths.push(prefix);
  if (isObject(value) || Array.isArray(value)) {
    for (const key of Object.keys(value)) pathsOf((value as JsonObject)[key], [...prefix, key], paths);
  }
  return paths;
}

function parentOf(root: unknown, path: string[]): JsonObject | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as JsonObject)[key];
  }
  return isObject(node) || Array.isArray(node) ? (node as JsonObject) : undefined;
}

/** Indexes (as `Mutation.at` counts them) of the string leaves of a body: where text a database may refuse can go. */
export function stringLeaves(body: JsonObject): number[] {
  const valueAt = (path: string[]): unknown =>
    path.length === 0 ? body : parentOf(body, path)?.[path[path.length - 1]!];
  return pathsOf(body).flatMap((path, index) => (typeof valueAt(path) === 'string' ? [index] : []));
}

const HOLE = '__hostile_hole__';

/** The valid body with the plan's mutations applied, as JSON text (raw splices go in as text). */
function mutate(valid: JsonObject, mutations: Mutation[]): string {
  // JSON.parse makes `__proto__` an own property, so the copy keeps what define() put there.
  let body: unknown = JSON.parse(JSON.stringify(valid));
  const splices: string[] = [];
  for (const m of mutations) {
    const paths = pathsOf(body);
    const path = paths[m.at % paths.length]!;
    if (m.op === 'extra') {
      const target = path.length === 0 ? body : parentOf(body, [...path, '']);
      if (isObject(target)) define(target, m.key, m.value);
      continue;
    }
    const value = m.op === 'drop' ? undefined : m.op === 'set' ? m.value : `${HOLE}${splices.push(m.raw) - 1}`;
    if (path.length === 0) {
      body = m.op === 'drop' ? {} : value;
      continue;
    }
    const parent = parentOf(body, path);
    if (!parent) continue;
    const key = path[path.length - 1]!;
    if (m.op === 'drop' && !Array.isArray(parent)) delete parent[key];
    else define(parent, key, value);
  }
  let text = JSON.stringify(body) ?? '';
  splices.forEach((raw, i) => {
    text = text.split(`"${HOLE}${i}"`).join(raw);
  });
  return text;
}

/** The bytes to send (undefined: no body at all). */
export function materialize(plan: BodyPlan, valid: JsonObject): Buffer | undefined {
  switch (plan.kind) {
    case 'valid':
      return Buffer.from(JSON.stringify(valid));
    case 'none':
      return undefined;
    case 'mutated':
      return Buffer.from(mutate(valid, plan.mutations));
    case 'json':
      return Buffer.from(JSON.stringify(plan.value) ?? 'null');
    case 'object':
      return Buffer.from(JSON.stringify(objectOf(plan.entries)));
    case 'raw':
      return Buffer.from(plan.text);
    case 'truncated': {
      const text = JSON.stringify(valid);
      return Buffer.from(text.slice(0, plan.at % text.length));
    }
    case 'oversized':
      return Buffer.from(JSON.stringify({ ...valid, padding: 'x'.repeat(plan.bytes) }));
  }
}

/** A short, printable description of a plan for failure messages (fast-check prints the plan itself too). */
export function describeBody(bytes: Buffer | undefined): string {
  if (bytes === undefined) return '(no body)';
  const text = bytes.toString('utf8');
  return text.length <= 300
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, 200))}…${JSON.stringify(text.slice(-100))} (${bytes.length} bytes)`;
}
