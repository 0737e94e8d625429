/** True when PostgreSQL can take the string as text (it cannot hold NUL). */
export const storableText = (value: string): boolean => !value.includes("\u0000")

/**
 * For zod: `z.string().refine(...noNul("email"))` refuses strings that would
 * fail the query they reach (a 500) with a 400 naming the field.
 */
export const noNul = (field: string) =>
  [storableText, `${field}: must not contain NUL characters`] as const
