import fc from 'fast-check';

// Hostile input for the fuzzing suite. JSON is produced as text, so prototype keys (`__proto__`) travel as real
// own keys, lone surrogates as `\ud800` escapes and numbers such as 1e999 exactly as an attacker would write them.

/** Operator objects a careless handler would pass on to MongoDB. */
export const OPERATOR_OBJECTS = [
  '{"$ne":null}',
  '{"$gt":""}',
  '{"$gte":0}',
  '{"$regex":".*"}',
  '{"$regex":"^(a+)+$","$options":"s"}',
  '{"$where":"sleep(2000) || true"}',
  '{"$exists":true}',
  '{"$in":[null,"",0]}',
  '{"$nin":[]}',
  '{"$expr":{"$eq":[1,1]}}',
  '{"$function":{"body":"return true","args":[],"lang":"js"}}',
  '{"$elemMatch":{"$ne":null}}',
] as const;

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Keys that mean something to MongoDB, to JavaScript, or to a naive path splitter. */
export const HOSTILE_KEYS = [...PROTOTYPE_KEYS, '$where', '$ne', '$set', 'a.b', 'story.whatHappened', '', 'toString', 'hasOwnProperty', 'valueOf', '_id', 'id'] as const;

/** Strings that break parsers, renderers, regexes or storage. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'nul\u0000byte',
  '\ud800',
  'lone \udfff surrogate',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  'e' + '\u0301'.repeat(3000),
  'Z̷̢̛̛̯͎̠a̴̺̓l̶̨̈g̵̱̊o̸̞͆',
  '\ufeff\u200b\u200d',
  '🙈'.repeat(500),
  'x'.repeat(20_000),
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  "' OR '1'='1",
  '../../../../etc/passwd',
  '=HYPERLINK("http://evil.example","x")',
  '-1',
  'NaN',
  'Infinity',
  '1e999',
  'true',
  'null',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  '[$ne]',
  '.*',
  '(a+)+$',
  'sv',
  '2026-02-30',
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A JSON number as text, including values JavaScript reads as Infinity, -0 or an unsafe integer. */
const hostileNumber = fc.oneof(
  fc.constantFrom('0', '-0', '-1', '1.5', '1e999', '-1e999', '9007199254740993', '1e-400', '4294967296', '5'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
);

const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.constantFrom(...OPERATOR_OBJECTS) },
  { weight: 1, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '{}', '[]') },
);

const hostileKey: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: hostileString });

const objectText = (entries: ReadonlyArray<readonly [string, string]>) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/** Any hostile JSON value, as text: operator objects, prototype keys at any depth, wrong types. */
export const hostileJson: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
  object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectText),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
})).value;

/** A JSON body as a tree whose leaves are JSON text, so a valid body can be altered at any point. */
type Tree = { readonly kind: 'object'; readonly entries: Array<[string, Tree]> } | { readonly kind: 'array'; readonly items: Tree[] } | { readonly kind: 'raw'; readonly text: string };

function toTree(value: unknown): Tree {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(toTree) };
  if (typeof value === 'object' && value !== null) return { kind: 'object', entries: Object.entries(value).map(([key, child]) => [key, toTree(child)]) };
  return { kind: 'raw', text: JSON.stringify(value) };
}

function toText(tree: Tree): string {
  if (tree.kind === 'raw') return tree.text;
  if (tree.kind === 'array') return `[${tree.items.map(toText).join(',')}]`;
  return objectText(tree.entries.map(([key, child]) => [key, toText(child)] as const));
}

function nodes(tree: Tree, found: Tree[] = []): Tree[] {
  found.push(tree);
  if (tree.kind === 'object') for (const [, child] of tree.entries) nodes(child, found);
  if (tree.kind === 'array') for (const child of tree.items) nodes(child, found);
  return found;
}

type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: string }
  | { readonly kind: 'wrap'; readonly at: number }
  | { readonly kind: 'addKey'; readonly at: number; readonly key: string; readonly value: string }
  | { readonly kind: 'drop'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: hostileKey, value: hostileJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
);

/** Applies the mutations to a copy of the body's tree; `at` picks a node (modulo their number). */
function mutate(valid: unknown, mutations: readonly Mutation[]): string {
  const root: Tree = toTree(JSON.parse(JSON.stringify(valid)));
  let tree = root;
  for (const change of mutations) {
    const all = nodes(tree);
    const target = all[change.at % all.length]!;
    const parentEntry = (): { list: Array<[string, Tree]> | Tree[]; index: number } | undefined => {
      for (const node of all) {
        if (node.kind === 'object') {
          const index = node.entries.findIndex(([, child]) => child === target);
          if (index !== -1) return { list: node.entries, index };
        }
        if (node.kind === 'array') {
          const index = node.items.indexOf(target);
          if (index !== -1) return { list: node.items, index };
        }
      }
      return undefined;
    };
    const replaceWith = (next: Tree) => {
      const parent = parentEntry();
      if (parent === undefined) {
        tree = next;
        return;
      }
      const entry = parent.list[parent.index]!;
      if (Array.isArray(entry)) entry[1] = next;
      else (parent.list as Tree[])[parent.index] = next;
    };
    if (change.kind === 'replace') replaceWith({ kind: 'raw', text: change.value });
    else if (change.kind === 'wrap') replaceWith({ kind: 'array', items: [target] });
    else if (change.kind === 'addKey') {
      const object = target.kind === 'object' ? target : all.find((node): node is Extract<Tree, { kind: 'object' }> => node.kind === 'object');
      if (object !== undefined) object.entries.push([change.key, { kind: 'raw', text: change.value }]);
    } else {
      const parent = parentEntry();
      if (parent !== undefined) parent.list.splice(parent.index, 1);
    }
  }
  return toText(tree);
}

export interface HostileBody {
  readonly label: string;
  /** undefined: no body and no Content-Type at all. */
  readonly payload: string | Buffer | undefined;
  readonly contentType: string | undefined;
}

const nest = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

/** Bodies that attack the parser or the transport rather than a field. */
export function specialBodies(valid: unknown): fc.Arbitrary<HostileBody> {
  const json = JSON.stringify(valid ?? {});
  return fc.constantFrom<HostileBody>(
    { label: 'no body', payload: undefined, contentType: undefined },
    { label: 'empty JSON', payload: '', contentType: 'application/json' },
    { label: 'malformed JSON', payload: json.slice(0, Math.max(1, json.length - 3)), contentType: 'application/json' },
    { label: 'a JSON string', payload: '"just a string"', contentType: 'application/json' },
    { label: 'a JSON array', payload: `[${json}]`, contentType: 'application/json' },
    { label: 'JSON null', payload: 'null', contentType: 'application/json' },
    { label: 'deep objects', payload: nest(5000, '{"a":', '}'), contentType: 'application/json' },
    { label: 'deep arrays', payload: nest(20_000, '[', ']', ''), contentType: 'application/json' },
    { label: 'deep __proto__', payload: nest(40, '{"__proto__":', '}', '{"polluted":true}'), contentType: 'application/json' },
    { label: 'a 60 KB string', payload: JSON.stringify({ text: 'å'.repeat(30_000) }), contentType: 'application/json' },
    { label: 'over 64 KB', payload: JSON.stringify({ text: 'a'.repeat(70_000) }), contentType: 'application/json' },
    { label: 'many keys', payload: objectText(Array.from({ length: 3000 }, (_, index) => [`k${index}`, '1'] as const)), contentType: 'application/json' },
    { label: 'duplicate keys', payload: `{"__proto__":{"x":1},${json.slice(1)}`.replace(/^\{([^}]*),\}$/, '{$1}'), contentType: 'application/json' },
    { label: 'text/plain', payload: json, contentType: 'text/plain' },
    { label: 'form-encoded', payload: 'a[$ne]=1&__proto__[polluted]=true', contentType: 'application/x-www-form-urlencoded' },
    { label: 'multipart', payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
    { label: 'UTF-16 JSON', payload: Buffer.from(json, 'utf16le'), contentType: 'application/json; charset=utf-16' },
    { label: 'latin1 charset', payload: json, contentType: 'application/json; charset=iso-8859-1' },
    { label: 'a JSON suffix type', payload: json, contentType: 'application/merge-patch+json' },
    { label: 'XML with an external entity', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', contentType: 'application/xml' },
    {
      label: 'XML entity expansion',
      payload:
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>' +
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes><Code guid="g" name="&f;" isCodable="true"/></Codes></CodeBook>',
      contentType: 'application/xml',
    },
    { label: 'CSV with formulas and operators', payload: 'id,label_sv,label_en\n=cmd|"/c calc"!A1,{"$ne":null},__proto__\n', contentType: 'text/csv' },
    { label: 'CSV with a huge cell', payload: `id,label_sv,label_en\nx,${'y'.repeat(60_000)},z\n`, contentType: 'text/csv' },
  );
}

/** A hostile body for an operation, built around its valid body when it has one. */
export function hostileBody(valid: unknown): fc.Arbitrary<HostileBody> {
  const mutated = fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations): HostileBody => ({ label: 'mutated valid body', payload: mutate(valid ?? {}, mutations), contentType: 'application/json' }));
  return fc.oneof(
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: hostileJson.map((payload): HostileBody => ({ label: 'hostile JSON', payload, contentType: 'application/json' })) },
    { weight: 2, arbitrary: specialBodies(valid) },
  );
}

/** RFC 3986 percent-encoding of UTF-8; lone surrogates are sent as the bytes a broken client would send. */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16).toUpperCase()}%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
    } else if (/^[A-Za-z0-9\-._~]$/.test(char)) {
      out += char;
    } else {
      out += [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    }
  }
  return out;
}

/** Already-encoded segments that attack the URL decoder itself. */
const RAW_SEGMENTS = ['%ZZ', '%E0%A4%A', '%ED%A0%80', '%00', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%C0%AE%C0%AE', '%25', '%u0041', '..%2F..', '%F4%90%80%80'] as const;

/** A path segment: the plausible id (sometimes), hostile text, or a broken encoding. */
export function pathSegment(plausible: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(percentEncode(plausible)) },
    // An empty segment would name another route (`/stories/` is the list), so it is not a value for this one.
    { weight: 4, arbitrary: hostileString.filter((value) => value !== '' && value.length <= 1000).map(percentEncode) },
    { weight: 1, arbitrary: fc.constant(percentEncode('x'.repeat(4000))) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(...OPERATOR_OBJECTS).map(percentEncode) },
  );
}

/** Query-string keys: the documented names, the same with bracket operators, and prototype keys. */
export function queryKey(documented: readonly string[]): fc.Arbitrary<string> {
  const names = documented.length > 0 ? documented : ['q'];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.constantFrom('[$ne]', '[$gt]', '[$regex]', '[$where]', '[]', '[0]', '[__proto__]', '.$ne', '[$in][]'))
        .map(([name, suffix]) => `${name}${suffix}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', '__proto__[polluted]', 'constructor[prototype][polluted]', '$where', 'a.b', '') },
  );
}

export interface QueryPair {
  readonly key: string;
  readonly value: string;
  /** Sent as is (broken or raw encodings), not percent-encoded. */
  readonly raw: boolean;
}

export function queryPairs(documented: readonly string[]): fc.Arbitrary<QueryPair[]> {
  const pair = fc.oneof(
    { weight: 5, arbitrary: fc.record({ key: queryKey(documented), value: fc.oneof(hostileString.filter((value) => value.length <= 2000), fc.constantFrom(...OPERATOR_OBJECTS)), raw: fc.constant(false) }) },
    { weight: 1, arbitrary: fc.record({ key: queryKey(documented), value: fc.constantFrom(...RAW_SEGMENTS, '.*', '$ne', '1&x=2'), raw: fc.constant(true) }) },
  );
  // Duplicates are likely: the same key drawn twice gives `status=a&status=b`.
  return fc.array(pair, { maxLength: 5 });
}

export function queryString(pairs: readonly QueryPair[]): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(({ key, value, raw }) => (raw ? `${percentEncode(key).replaceAll('%5B', '[').replaceAll('%5D', ']')}=${value}` : `${percentEncode(key)}=${percentEncode(value)}`)).join('&')}`;
}
