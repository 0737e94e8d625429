import fc from "fast-check"
import type { RawBody } from "./fuzz-http"

/**
 * Generators of hostile HTTP input. Bodies are built as an explicit JSON
 * tree and serialized by hand: `JSON.stringify` cannot emit `__proto__` as
 * an own key of an object literal, duplicate keys, `-0`, `1e309` (which
 * JSON.parse reads as Infinity) or integers beyond 2^53, and a body
 * parser must survive all of them.
 */

/** A token written verbatim into the JSON text. */
export class RawToken {
  constructor(readonly text: string) {}
}

/** An object as an ordered list of entries: keys may repeat or be `__proto__`. */
export class JsonObject {
  constructor(readonly entries: [string, Json][]) {}
}

export type Json = null | boolean | number | string | RawToken | JsonObject | Json[]

/** `JSON.stringify` of a lone surrogate is valid JSON (`"\ud800"`): kept, on purpose. */
export function toJsonText(value: Json): string {
  if (value instanceof RawToken) {
    return value.text
  }
  if (value instanceof JsonObject) {
    return `{${value.entries.map(([key, v]) => `${JSON.stringify(key)}:${toJsonText(v)}`).join(",")}}`
  }
  if (Array.isArray(value)) {
    return `[${value.map(toJsonText).join(",")}]`
  }
  // NaN and ±Infinity become null, as JSON.stringify does.
  return JSON.stringify(value) ?? "null"
}

export const obj = (entries: Record<string, Json>): JsonObject => new JsonObject(Object.entries(entries))

export const json = (value: Json): RawBody => ({
  contentType: "application/json",
  payload: toJsonText(value),
})

/** 100,000 characters: still under Medusa's 100 kB JSON limit, so it reaches the validators. */
export const HUGE_ASCII = "x".repeat(100_000)

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"] as const

const NASTY_STRINGS = [
  "",
  " ",
  "   \n\t ",
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u0003\u001b[31m",
  "\r\n\r\nX-Injected: 1",
  "\u202egnp.exe",
  "\ufeff",
  "\u200b",
  "\ud800",
  "\udfff\ud800",
  "😀",
  "👨‍👩‍👧‍👦",
  "Z̴̡̛̞͈a̸l̷g̴o̶",
  "NaN",
  "-0",
  "0",
  "-1",
  "1e309",
  "-1e309",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "' OR '1'='1",
  "'; DROP TABLE customer; --",
  "%",
  "%00",
  "%zz",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "\\",
  '"',
  "*",
  "$where",
  "cus_",
  "cnote_",
  "a".repeat(256),
  "a".repeat(1025),
  "é".repeat(5000),
  "😀".repeat(20_000),
  HUGE_ASCII,
]

/** Number tokens JSON.stringify never writes. */
const RAW_NUMBERS = [
  "-0",
  "-0.0",
  "1e309",
  "-1e309",
  "1e-400",
  "5e-324",
  "1E2",
  "0.1e1",
  "9007199254740993",
  "123456789012345678901234567890",
  "-123456789012345678901234567890",
]

const shortString = (maxLength = 40) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "binary-ascii", maxLength }),
    fc.string({ unit: "grapheme", maxLength })
  )

/** Strings built to break things: control characters, emoji, huge, injection, numbers-as-text. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: shortString() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("x", "é", "😀", "\u0000", "ab "), fc.integer({ min: 100, max: 30_000 }))
      .map(([unit, times]) => unit.repeat(times)),
  }
)

export const nastyNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(0, -1, 1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double(),
  fc.constantFrom(...RAW_NUMBERS).map((text) => new RawToken(text))
)

export const nastyScalar: fc.Arbitrary<Json> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false) },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 4, arbitrary: nastyString }
)

/**
 * Keys that shadow Object.prototype's conversion methods: a value with an own
 * `toString` that is not a function cannot be turned into a string.
 */
export const CONVERSION_KEYS = ["toString", "valueOf"]

const nastyKey = (fieldNames: readonly string[], { conversionKeys = true } = {}) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "",
        " ",
        "\u0000",
        "$where",
        "$gt",
        "$or",
        "id",
        "customer_id",
        "author_id",
        "deleted_at",
        "created_at",
        "metadata",
        "password",
        "provider_metadata",
        "a.b",
        "a[b]"
      )
    },
    { weight: conversionKeys ? 1 : 0, arbitrary: fc.constantFrom(...CONVERSION_KEYS) },
    { weight: fieldNames.length ? 2 : 0, arbitrary: fc.constantFrom("x", ...fieldNames) },
    { weight: 1, arbitrary: shortString(12).filter((key) => conversionKeys || !CONVERSION_KEYS.includes(key)) }
  )

/** Arbitraries of any JSON value, array or object: scalars, arrays where objects belong, hostile keys. */
export const jsonTree = (fieldNames: readonly string[] = [], options: { conversionKeys?: boolean } = {}) =>
  fc.letrec<{ value: Json; array: Json[]; object: JsonObject }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: nastyScalar },
      { weight: 1, arbitrary: tie("array") },
      { weight: 1, arbitrary: tie("object") }
    ),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc
      .array(fc.tuple(nastyKey(fieldNames, options), tie("value")), { maxLength: 5 })
      .map((entries) => new JsonObject(entries)),
  }))

/** Any JSON value. `conversionKeys: false` leaves out `toString`/`valueOf` keys. */
export const jsonValue = (fieldNames: readonly string[] = [], options: { conversionKeys?: boolean } = {}) =>
  jsonTree(fieldNames, options).value

/** A value nested `depth` levels deep, written as text (no recursion on our side). */
const deepText = fc
  .tuple(fc.constantFrom("array", "object", "mixed"), fc.integer({ min: 50, max: 20_000 }))
  .map(([kind, depth]) => {
    if (kind === "array") {
      return "[".repeat(depth) + "]".repeat(depth)
    }
    if (kind === "object") {
      return '{"a":'.repeat(depth) + "1" + "}".repeat(depth)
    }
    return '[{"__proto__":'.repeat(depth) + "null" + "}]".repeat(depth)
  })

/** Bodies that are not valid JSON, or JSON that is not an object. */
const MALFORMED_JSON = [
  "",
  " ",
  "{",
  "}",
  "[",
  "{]",
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  '{"a" 1}',
  "nul",
  "NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "-0",
  "1e309",
  '"a string"',
  "123",
  "true",
  "null",
  "[]",
  "{}",
  "{} trailing",
  '{"a":1}{"b":2}',
  "\ufeff{}",
  '{"a":"\u0000"}',
  '{"a":"line\nbreak"}',
  '{"\\ud800":1}',
  '{"a":"\\u0000"}',
  '{"a":"\\uZZZZ"}',
  "\u0000",
  "\u00ff\u00fe{\u0000}",
]

const formValue = fc.oneof(nastyString.filter((s) => s.length < 2000), fc.constantFrom("%", "%zz", "+", "=", "&"))

const formBody = (fieldNames: readonly string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...fieldNames, "x"),
          fc.constantFrom(
            "__proto__[polluted]",
            "constructor[prototype][polluted]",
            "a[b][c][d][e][f][g][h]",
            "password[]",
            "body[0]",
            "[]",
            "a[__proto__][b]"
          ),
          fieldNames.length
            ? fc.constantFrom(...fieldNames).map((name) => `${name}[__proto__]`)
            : fc.constant("x[]")
        ),
        formValue
      ),
      { maxLength: 6 }
    )
    .map((pairs) => pairs.map(([k, v]) => `${safeEncode(k)}=${safeEncode(v)}`).join("&"))

/**
 * An object with the given fields, each valid or hostile, some missing,
 * sometimes with extra hostile keys.
 */
export function shapedObject(
  fields: Record<string, fc.Arbitrary<Json>>,
  { requiredKeys = [] as string[], conversionKeys = true } = {}
): fc.Arbitrary<JsonObject> {
  const names = Object.keys(fields)
  const anything = jsonValue(names, { conversionKeys })
  return fc
    .tuple(
      fc.record(
        Object.fromEntries(
          names.map((name) => [
            name,
            fc.oneof({ weight: 3, arbitrary: fields[name] }, { weight: 1, arbitrary: anything }),
          ])
        ) as Record<string, fc.Arbitrary<Json>>,
        { requiredKeys: requiredKeys.filter((key) => names.includes(key)) }
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant([] as [string, Json][]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(nastyKey(names, { conversionKeys }), anything), { minLength: 1, maxLength: 2 }) }
      )
    )
    .map(([known, extra]) => new JsonObject([...Object.entries(known), ...extra]))
}

/**
 * Raw request bodies in every shape a route may meet: its own fields with
 * valid or hostile values (most runs), then anything at all, prototype
 * pollution, deep nesting, malformed JSON, other content types, no body.
 * `shapedWeight` lowers how often the route's own shape is sent (for routes
 * where every valid body starts expensive work).
 */
export function bodyArb(
  fields: Record<string, fc.Arbitrary<Json>>,
  { requiredKeys = [] as string[], shapedWeight = 10 } = {}
): fc.Arbitrary<RawBody> {
  const names = Object.keys(fields)
  const anything = jsonValue(names)
  const shaped = shapedObject(fields, { requiredKeys })

  const polluted = fc
    .tuple(shaped, fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...names, "polluted"), anything)
    .map(([base, key, inner, value]) => {
      const payload: Json =
        key === "constructor" ? obj({ prototype: obj({ [inner]: value, polluted: "yes" }) }) : obj({ [inner]: value, polluted: "yes" })
      return new JsonObject(key === "__proto__" ? [[key, payload], ...base.entries] : [...base.entries, [key, payload]])
    })

  const deep = fc
    .tuple(deepText, fc.constantFrom("top", ...names))
    .map(([text, where]) => (where === "top" ? text : `{${JSON.stringify(where)}:${text}}`))

  const otherContentType = fc.oneof(
    formBody(names).map((payload) => ({ contentType: "application/x-www-form-urlencoded", payload })),
    shaped.map((value) => ({ contentType: "text/plain", payload: toJsonText(value) })),
    shaped.map((value) => ({ contentType: "application/json; charset=utf-16", payload: toJsonText(value) })),
    shaped.map((value) => ({ contentType: "application/json; charset=latin1", payload: toJsonText(value) })),
    shaped.map((value) => ({ contentType: undefined, payload: toJsonText(value) })),
    fc.constant({ contentType: "multipart/form-data; boundary=x", payload: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--" }),
    fc.constant({ contentType: "application/xml", payload: "<a>1</a>" })
  )

  return fc.oneof(
    { weight: shapedWeight, arbitrary: shaped.map(json) },
    { weight: 3, arbitrary: anything.map(json) },
    { weight: 2, arbitrary: polluted.map(json) },
    { weight: 1, arbitrary: deep.map((payload) => ({ contentType: "application/json", payload })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((payload) => ({ contentType: "application/json", payload })),
    },
    { weight: 2, arbitrary: otherContentType },
    { weight: 1, arbitrary: fc.constantFrom<RawBody>({}, { contentType: "application/json" }, { contentType: "application/json", payload: "" }) }
  )
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** encodeURIComponent throws on lone surrogates: make the string well-formed first. */
export function safeEncode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, "\ufffd"))
}

/** Query-string values that look like numbers, or almost. */
const NUMBERISH = ["-0", "0", "01", " 1", "1 ", "+1", "1.5", "1e3", "1e309", "NaN", "Infinity", "0x10", "1_000", "９", "١", "9007199254740993", "-1", "", "true", "null"]

const queryValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERISH) },
  { weight: 3, arbitrary: nastyString.filter((s) => s.length <= 300) },
  { weight: 1, arbitrary: fc.constant("y".repeat(6000)) }
)

/**
 * Query strings: the route's own parameters with valid or hostile values,
 * repeated (arrays), nested with brackets (`limit[$gt]=1`), prototype keys,
 * and raw undecodable text. Kept under 8 kB: Node refuses longer request
 * lines with a bare 431 before any Medusa code runs.
 */
export function queryArb(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const names = Object.keys(params)
  const key = fc.oneof(
    { weight: names.length ? 4 : 0, arbitrary: fc.constantFrom("fields", ...names) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "__proto__[polluted]",
        "constructor[prototype][polluted]",
        "__proto__",
        "fields[]",
        "limit[$gt]",
        "order[0]",
        "a[b][c][d][e][f][g]",
        "a.b",
        "a.b.c",
        "fields.x.y.z",
        "expand",
        "q",
        "with_deleted",
        "id",
        ""
      )
    },
    { weight: 1, arbitrary: fc.constantFrom("fields", ...names).map((name) => `${name}[]`) },
    { weight: 1, arbitrary: shortString(10) }
  )
  // Own keys only: the generated key may well be "__proto__".
  const valueFor = (name: string) =>
    Object.prototype.hasOwnProperty.call(params, name)
      ? fc.oneof({ weight: 3, arbitrary: params[name] }, { weight: 2, arbitrary: queryValue })
      : queryValue
  const pair = key.chain((k) => valueFor(k).map((v) => `${safeEncode(k)}=${safeEncode(v)}`))
  const raw = fc.constantFrom("%", "%zz", "&&&", "=", "==", "a==b", ";", "+", "%00", "%E0%A4%A", "fields=%ff", "?")
  const parts = fc
    .array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: raw }), { minLength: 1, maxLength: 5 })
    .map((list) => {
      const text = list.join("&")
      return text.length > 7000 ? text.slice(0, 7000) : text
    })
  // No query at all often enough that strict query validators let requests through.
  return fc.oneof({ weight: 1, arbitrary: fc.constant("") }, { weight: 2, arbitrary: parts })
}

/**
 * Raw path segments: traversal-looking, encoded slashes and NUL, overlong,
 * huge or plain odd. All are well-formed percent-encoding: a malformed one
 * ("%zz") fails in Express' routing, before any code of the plugin runs,
 * and Medusa's error handler answers that with a 500 on its own routes too
 * (see "known upstream issues" in fuzz.spec.ts).
 */
const WEIRD_SEGMENTS = [
  "%00",
  "%2e%2e",
  "..",
  ".",
  "%2F",
  "%252F",
  "%5C",
  "%25",
  "%E2%80%AE",
  "%F0%9F%98%80",
  "%EF%BF%BD",
  "~",
  "*",
  "'",
  "null",
  "undefined",
  "0",
  "-1",
  "__proto__",
  "constructor",
  "prototype",
  safeEncode("' OR 1=1--"),
  safeEncode("<script>"),
  "a".repeat(3000),
]

/** Percent-encoding Express cannot decode. */
export const MALFORMED_PERCENT_SEGMENTS = ["%", "%zz", "%C0%AE", "%E0%A4%A"]

/**
 * Path-parameter values: known ids (read when generated, so ids created
 * during the run count), their near misses, and garbage.
 */
export function idArb(
  known: () => readonly string[],
  { allowNul = true } = {}
): fc.Arbitrary<string> {
  const pick = (index: number) => {
    const list = known()
    return list.length ? list[index % list.length] : "unknown"
  }
  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((index) => safeEncode(pick(index))) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat(), fc.constantFrom("%00", "%20", "x", "%0A", "%2F..", "%2F"))
        .map(([index, suffix]) => safeEncode(pick(index)) + suffix),
    },
    { weight: 2, arbitrary: fc.constantFrom(...WEIRD_SEGMENTS) },
    {
      weight: 2,
      arbitrary: nastyString
        .filter((s) => s.length > 0 && s.length <= 500)
        .map(safeEncode)
        .filter((s) => s.length <= 3000),
    }
  )
  return allowNul ? segment : segment.filter((value) => !/%00/i.test(value))
}

/** A header value Node accepts on the wire: printable ASCII and Latin-1, no control characters. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.constantFrom("", "unknown", "::1", "1.2.3.4, 5.6.7.8", "999.999.999.999", "x".repeat(7000), "\u00ff\u00e9", "a, b, c, ,,, d")
)
