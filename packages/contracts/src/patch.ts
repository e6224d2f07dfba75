/** @module patchOf: the PATCH body of a resource from its POST body. */
import { z } from 'zod'

type Patch<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer I> ? I : S[K]>
}

/**
 * Every field of `insert`, optional and without its default. Not `insert.partial()`: zod 4 still
 * applies a default inside an optional, so a PATCH of `{name}` would silently reset the defaulted fields.
 */
export function patchOf<S extends z.ZodRawShape>(
  insert: z.ZodObject<S>,
): z.ZodObject<Patch<S>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(insert.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)
      return [key, bare.optional()]
    }),
  )
  return z.strictObject(shape) as unknown as z.ZodObject<Patch<S>, z.core.$strict>
}
