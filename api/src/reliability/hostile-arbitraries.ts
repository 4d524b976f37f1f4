import fc from 'fast-check';

/** Payloads a hostile client would try; scripts are checked for being rendered back as HTML. */
export const scriptPayloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
];
const sqlPayloads = [
  "' OR 1=1 --",
  "'; DROP TABLE pull_request; --",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  '\\x00',
  "%' AND '1'='1",
];
const oddValues = [
  '',
  ' ',
  '\u0000',
  '\u202e',
  '🙂‍↔️',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '../../etc/passwd',
  '%00',
  '%',
  '[]',
  '{}',
  'null',
  'true',
  '2026-13-45',
  'ＡＢＣ',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...scriptPayloads, ...sqlPayloads, ...oddValues),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Any JSON value, with hostile strings inside, and wrong types at the top. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        hostileString,
        fc.constantFrom(
          'id',
          'cause',
          'reason',
          'name',
          'teams',
          'members',
          'action',
          'issue',
          'webhookEvent',
          '__proto__',
          'constructor',
        ),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

export type HostileBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'malformed'; text: string }
  | { kind: 'wrong-type'; text: string; contentType: string }
  | { kind: 'none' };

export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
  hostileJson.map((value) => ({ kind: 'json' as const, value })),
  fc
    .constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000', '{"__proto__":{"x":1}}')
    .chain((prefix) =>
      fc
        .string({ maxLength: 20 })
        .map((tail) => ({ kind: 'malformed' as const, text: prefix + tail })),
    ),
  fc
    .tuple(
      hostileString,
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'text/html',
        'application/xml',
        'application/json; charset=utf-7',
      ),
    )
    .map(([text, contentType]) => ({ kind: 'wrong-type' as const, text, contentType })),
  fc.constant({ kind: 'none' as const }),
);

/** Body bytes and content type of a hostile body. */
export function encodeBody(body: HostileBody): {
  text: string | undefined;
  contentType: string | undefined;
} {
  switch (body.kind) {
    case 'json':
      return { text: JSON.stringify(body.value), contentType: 'application/json' };
    case 'malformed':
      return { text: body.text, contentType: 'application/json' };
    case 'wrong-type':
      return { text: body.text, contentType: body.contentType };
    case 'none':
      return { text: undefined, contentType: undefined };
  }
}
