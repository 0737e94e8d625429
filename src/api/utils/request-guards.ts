import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareFunction,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "zod"
import { storableText } from "../../lib/text"

/**
 * Medusa's body validator writes the received value into its error message
 * (`Expected type: 'string' for field 'x', got: '…'`). Two kinds of JSON
 * make that string conversion throw, which Medusa answers with a 500
 * instead of a 400:
 * - an array nested some thousands of levels deep (the stack overflows);
 * - an object with its own `toString` or `valueOf` key that is not a
 *   function ("Cannot convert object to primitive value").
 * No body of ours nests beyond four levels or has such keys, so
 * {@link refuseHostileBodies} refuses both before validation runs.
 */
export const MAX_BODY_DEPTH = 32
const CONVERSION_KEYS = ["toString", "valueOf"]

/** What makes a value unprintable, if anything. Iterative: a hostile body cannot overflow this. */
function hostility(body: unknown): string | null {
  const pending: [unknown, number][] = [[body, 0]]
  while (pending.length) {
    const [value, depth] = pending.pop()!
    if (value === null || typeof value !== "object") {
      continue
    }
    if (depth >= MAX_BODY_DEPTH) {
      return `nests deeper than ${MAX_BODY_DEPTH} levels`
    }
    const key = CONVERSION_KEYS.find((name) => Object.prototype.hasOwnProperty.call(value, name))
    if (key) {
      return `has a key "${key}", which is not allowed`
    }
    for (const child of Object.values(value)) {
      pending.push([child, depth + 1])
    }
  }
  return null
}

/** Runs before `validateAndTransformBody` (see {@link validateBody} and {@link MAX_BODY_DEPTH}). */
export function refuseHostileBodies(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const reason = hostility(req.body)
  if (reason) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The request body ${reason}`)
  }
  next()
}

/** The same for hand-checked values (the auth guards run before any validator). */
export function assertStorableText(field: string, value: string): void {
  if (!storableText(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must not contain NUL characters`)
  }
}

/**
 * Refuses path parameters holding a NUL character. PostgreSQL text cannot
 * contain one, so the driver fails the whole query (a 500), while no record
 * can have such an id anyway.
 */
export function refuseNulInPathParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  for (const [name, value] of Object.entries(req.params ?? {})) {
    if (typeof value === "string") {
      assertStorableText(name, value)
    }
  }
  next()
}

/**
 * Medusa's query validator refuses keys of more than two dot-separated levels
 * (`a.b.c=1`) with an `invalid_argument` error, which its error handler
 * answers with a 500. Runs before `validateAndTransformQuery` to answer 400
 * (see {@link validateQuery}).
 */
export function refuseDeepQueryKeys(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (Object.keys(req.query ?? {}).some((key) => key.split(".").length > 2)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Query parameter names may have at most two levels (like a.b)"
    )
  }
  next()
}

/**
 * Medusa's `validateAndTransformBody` behind {@link refuseHostileBodies}:
 * every plugin route validates its body through this, so none can answer a
 * crafted body with a 500.
 */
export function validateBody(
  schema: Parameters<typeof validateAndTransformBody>[0]
): MiddlewareFunction[] {
  return [refuseHostileBodies, validateAndTransformBody(schema)]
}

/**
 * Medusa's `validateAndTransformQuery` behind {@link refuseDeepQueryKeys},
 * for the same reason.
 */
export function validateQuery(
  schema: Parameters<typeof validateAndTransformQuery>[0],
  queryConfig: Parameters<typeof validateAndTransformQuery>[1]
): MiddlewareFunction[] {
  return [refuseDeepQueryKeys, validateAndTransformQuery(schema, queryConfig)]
}

/**
 * A password field. Medusa's body validator quotes a value of the wrong type
 * in its error message (`Expected type: 'string' for field 'password', got:
 * '…'`), which goes to the answer and to the log: a password sent as
 * `["…"]` would be repeated in both. A non-string gets a custom issue
 * instead, whose message Medusa passes on as it is and which quotes nothing.
 */
export const secretString = (field: string, { min = 0, max }: { min?: number; max: number }) =>
  z
    .custom<string>((value) => typeof value === "string", { message: `${field}: must be a string` })
    .pipe(z.string().min(min).max(max))

/**
 * A whole number in a query string. Medusa's `limit`/`offset` take any
 * number (`parseInt("1e9")`, NaN for "abc"); pages are bounded, and a
 * malformed number is named.
 */
export const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min).max(max))
