// fast-check arbitraries made from an endpoint's zod schemas: values shaped like the schema's input
// (right keys, types and bounds) whose leaves are sometimes hostile (a wrong type, a huge or NUL
// string, a prototype key), for property-based tests of the HTTP contract.
import fc from "fast-check";
import type { z } from "zod";

/** The parts of a zod 4 definition read here (zod's own def types are internal). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: readonly z.ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  valueType?: z.ZodType;
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;
const checksOf = (schema: z.ZodType) => (defOf(schema).checks ?? []).map((check) => check._zod.def);

export interface SchemaArbitraryOptions {
  /** Strings worth trying wherever a string goes: ids of real rows, members' emails, dates. */
  knownStrings: readonly string[];
  /** Relative weight of a hostile value at each node, against 10 for a well-typed one (0: none). */
  hostileWeight?: number;
  /** Strings preferred for an object field of this name and everything under it (e.g. `message_id`: message ids). */
  fieldStrings?: Readonly<Record<string, readonly string[]>>;
  /** Set for the subtree under such a field. */
  preferredStrings?: readonly string[];
}

const NUL = "\u0000";

/** Names that mean something to a JavaScript object. */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Strings that have broken parsers and databases before. */
const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  NUL,
  `a${NUL}b`,
  "x".repeat(129),
  "x".repeat(20_000),
  "😀".repeat(64),
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "\uFEFF",
  "ß".repeat(201),
  "' OR 1=1 --",
  "'; DROP TABLE \"Feedback\"; --",
  "%00",
  "%",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "-1",
  "0",
  "1e309",
  "0x10",
  "1.5",
  "99999999999999999999",
  "9007199254740993",
  "9007199254740991",
  "2026-02-30",

  "2026-13-01",
  "0000-01-01",
  "9999-12-31T23:59:59.999Z",
  "275760-09-13",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-19T00:00:00Z",
  "2026-01-01T25:61:61Z",
  "2026-01-01T00:00:00+99:99",
  "2026-01-01T00:00:00.123456789Z",
  "1970-01-01T00:00:00Z",
  "a,b,,c, ,",
  ",".repeat(600),
  Array.from({ length: 600 }, (_, index) => `id${index}`).join(","),
  "<script>alert(1)</script>",
  "\\",
  '"',
  "\n\r\t",
];

/** Dates and times at the edges of what the databases store (PostgreSQL: years 1 to 9999; a day past 9999-12-31 is year 10000). */
const EDGE_TIMES: readonly string[] = [
  "0000-01-01",
  "0000-01-01T00:00:00.000Z",
  "0001-01-01",
  "0001-01-01T00:00:00+01:00",
  "0001-01-15",
  "9999-12-31",
  "9999-12-31T23:59:59.999Z",
  "9999-12-31T23:59:59-01:00",
  "1970-01-01T00:00:00Z",
  "2026-02-29",
  "2028-02-29T24:00:00Z",
];

/** Opaque tokens (e.g. cursors) forged from hostile values: base64url of JSON. */
const FORGED_TOKENS: readonly string[] = [
  ["0000-01-01T00:00:00.000Z", "a"],
  ["1", "a"],
  ["2026-01-01T00:00:00.000Z", "a\u0000b"],
  ["2026-01-01T00:00:00.000Z", 1],
  [null, null],
  [],
  { a: 1 },
  "x",
].map((value) => Buffer.from(JSON.stringify(value)).toString("base64url"));

const hostileNumbers = fc.constantFrom(-1, 0, 0.5, -0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 53, 1e-300);

/** A value of any JSON type, with extra weight on the ones that break naive code. */
function hostileValue(knownStrings: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...EDGE_TIMES, ...FORGED_TOKENS),
    fc.constantFrom(...knownStrings),
    hostileNumbers,
    fc.constantFrom(null, true, false, [], {}, [null], [[[]]]),
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
  );
}

function stringArbitrary(schema: z.ZodType, { knownStrings, preferredStrings }: SchemaArbitraryOptions): fc.Arbitrary<string> {
  let minLength = 0;
  let maxLength = 40;
  const formats = new Set<string>();
  const patterns: RegExp[] = [];
  const def = defOf(schema) as Def & CheckDef;
  for (const check of [...checksOf(schema), def]) {
    if (check.check === "min_length" && check.minimum !== undefined) minLength = check.minimum;
    if (check.check === "max_length" && check.maximum !== undefined) maxLength = Math.min(maxLength, check.maximum);
    if (check.check === "string_format" && check.format) formats.add(check.format);
    if (check.check === "string_format" && check.format === "regex" && check.pattern) patterns.push(check.pattern);
  }
  // Dates in both shapes and forged tokens for every string: a refinement (a date, a date-time, a
  // cursor) accepts little else. Dates near today, so a range is often short enough to be served;
  // EDGE_TIMES has the far ends.
  const date = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
  const candidates: fc.Arbitrary<string>[] = [
    fc.constantFrom(...knownStrings),
    fc.string({ minLength: Math.min(minLength, maxLength), maxLength, unit: "grapheme-composite" }),
    date.map((value) => value.toISOString()),
    fc.constantFrom(...EDGE_TIMES),
    fc.constantFrom(...FORGED_TOKENS),
  ];
  if (!formats.has("datetime")) candidates.push(date.map((value) => value.toISOString().slice(0, 10)));
  // Plain addresses: fast-check's RFC 5322 ones are often more than zod's email check accepts.
  if (formats.has("email")) candidates.push(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.stringMatching(/^[a-z]{1,10}$/)).map(([local, domain]) => `${local}@${domain}.test`));
  candidates.push(...patterns.map((pattern) => fc.stringMatching(pattern, { size: "small" })));
  if (preferredStrings?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...preferredStrings) }, ...candidates);
  return fc.oneof(...candidates);
}

function numberArbitrary(schema: z.ZodType): fc.Arbitrary<number> {
  let min = -1000;
  let max = 1000;
  let integer = false;
  for (const check of checksOf(schema)) {
    if (check.check === "greater_than" && check.value !== undefined) min = check.value;
    if (check.check === "less_than" && check.value !== undefined) max = check.value;
    if (check.check === "number_format" && (check.format === "safeint" || check.format === "int32")) integer = true;
  }
  // A little beyond the bounds on both sides: the edges are where off-by-one errors live.
  const [low, high] = [Math.max(min - 2, -1e6), Math.min(max + 2, 1e6)];
  return integer ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) : fc.double({ min: low, max: high, noNaN: true });
}

/** Is the key optional in an object's input (optional, nullish, or with a default)? */
function isOptionalKey(schema: z.ZodType): boolean {
  return (schema as z.ZodType & { _zod: { optin?: string } })._zod.optin === "optional";
}

/** Values shaped like the schema's input, with hostile leaves mixed in. */
export function schemaArbitrary(schema: z.ZodType, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const hostileWeight = options.hostileWeight ?? 1;
  const wellTyped = wellTypedArbitrary(schema, options);
  return hostileWeight === 0 ? wellTyped : fc.oneof({ weight: 10, arbitrary: wellTyped }, { weight: hostileWeight, arbitrary: hostileValue(options.knownStrings) });
}

function wellTypedArbitrary(schema: z.ZodType, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const child = (inner: z.ZodType) => schemaArbitrary(inner, options);
  switch (def.type) {
    case "object": {
      const shape = def.shape ?? {};
      const requiredKeys = Object.keys(shape).filter((key) => !isOptionalKey(shape[key]!));
      const field = (key: string, value: z.ZodType) => {
        const preferred = Object.hasOwn(options.fieldStrings ?? {}, key) ? options.fieldStrings?.[key] : undefined;
        return preferred ? schemaArbitrary(value, { ...options, preferredStrings: preferred }) : child(value);
      };
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, field(key, value)])), { requiredKeys });
    }
    case "string":
      return stringArbitrary(schema, options);
    case "number":
      return numberArbitrary(schema);
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? [null]));
    case "array": {
      let minLength = 0;
      let maxLength = 5;
      for (const check of checksOf(schema)) {
        if (check.check === "min_length" && check.minimum !== undefined) minLength = Math.min(check.minimum, 5);
        if (check.check === "max_length" && check.maximum !== undefined) maxLength = Math.min(check.maximum, 5);
      }
      return fc.array(child(def.element!), { minLength, maxLength });
    }
    case "optional":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return child(def.innerType!);
    case "nullable":
      return fc.option(child(def.innerType!), { nil: null, freq: 5 });
    case "pipe":
      // The input side: what a client sends (a transform's output is not what goes on the wire),
      // unless a string is piped into a string format (e.g. trimmed, then an email): then that format.
      return defOf(def.in!).type === "string" && def.out && defOf(def.out).type === "string" ? fc.oneof(child(def.out), child(def.in!)) : child(def.in!);
    case "union":
      return fc.oneof(...(def.options ?? []).map(child));
    case "record":
      return fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, "a", "b"), child(def.valueType!), { maxKeys: 4 });
    default:
      // transform, unknown, any, custom: no shape to follow.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Query parameters from a query schema: the schema's keys (as strings), unknown keys, and repeated ones. */
export function queryArbitrary(schema: z.ZodType | undefined, options: SchemaArbitraryOptions): fc.Arbitrary<Array<readonly [string, string]>> {
  const asText = (value: unknown) => (typeof value === "string" ? value : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));
  const known = schema
    ? schemaArbitrary(objectOf(schema), options).map((value) =>
        Object.entries((value ?? {}) as Record<string, unknown>).map(([key, entry]) => [key, asText(entry)] as const),
      )
    : fc.constant([] as Array<readonly [string, string]>);
  const value = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS, ...EDGE_TIMES, ...FORGED_TOKENS), fc.constantFrom(...options.knownStrings), fc.string({ maxLength: 20 }));
  const unknownKey = fc.constantFrom(...PROTOTYPE_KEYS, "", "a[b]", "limit[]", "%00", "\u0000");
  return fc
    .tuple(
      known,
      fc.array(fc.tuple(unknownKey, value), { maxLength: 2 }),
      // Replace some known values with hostile ones, and maybe repeat one parameter.
      fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), value), { minLength: 1, maxLength: 2 }) }),
      fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    )
    .map(([pairs, extra, replacements, repeat]) => {
      const result: Array<readonly [string, string]> = [...pairs];
      for (const [index, replacement] of replacements) if (result.length > 0) result[index % result.length] = [result[index % result.length]![0], replacement];
      if (repeat !== null && result.length > 0) result.push(result[repeat % result.length]!);
      return [...result, ...extra];
    });
}

/** The object schema under a query schema's pipes and transforms (queries are objects of strings). */
function objectOf(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.type === "pipe") return objectOf(def.in!);
  return schema;
}

/** JSON text that is not what a JSON body should be, or not JSON at all. */
export function hostileBodyText(validBody: string): fc.Arbitrary<string | Uint8Array<ArrayBuffer>> {
  return fc.oneof(
    // Malformed: cut short, or wrapped in what JSON.parse refuses.
    fc.nat({ max: Math.max(0, validBody.length - 1) }).map((cut) => validBody.slice(0, cut)),
    fc.constantFrom("{", "}", "[", "{'a': 1}", "{a:1}", "NaN", "undefined", "{,}", '{"a":1,}', "\uFEFF{}", "null", "0", '""', "[]", "true", "   \n\t "),
    // Prototype keys next to the valid fields.
    fc.constant(validBody.startsWith("{") && validBody.length > 2 ? `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${validBody.slice(1)}` : '{"__proto__":{"polluted":true}}'),
    // Duplicate keys: JSON.parse keeps the last.
    fc.constant(validBody.startsWith("{") && validBody.length > 2 ? `${validBody.slice(0, -1)},${validBody.slice(1)}` : validBody),
    // Deep nesting, up to the body limit.
    fc.integer({ min: 1_000, max: 30_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
    fc.integer({ min: 1_000, max: 10_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
    // Larger than any body limit but the ingestion's.
    fc.constant(`{"x":"${"x".repeat(70_000)}"}`),
    // Not UTF-8.
    fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  );
}
