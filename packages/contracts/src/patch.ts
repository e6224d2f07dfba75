/** @module patchOf: the PATCH body of a resource from its POST body. */
import * as z from 'zod/mini'

type Bare<T> = T extends z.ZodMiniDefault<infer I> ? I : T
type Patch<S extends z.core.$ZodShape> = { [K in keyof S]: z.ZodMiniOptional<Bare<S[K]>> }

/**
 * Every field of `insert`, optional and without its default. Not a plain `partial()`: zod still applies
 * a default inside an optional, so a PATCH of `{name}` would silently reset the defaulted fields.
 */
export function patchOf<S extends z.core.$ZodShape>(
  insert: z.ZodMiniObject<S, z.core.$strict>,
): z.ZodMiniObject<Patch<S>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(insert.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodMiniDefault ? (field._zod.def.innerType as z.ZodMiniType) : field
      return [key, z.optional(bare)]
    }),
  )
  return z.strictObject(shape) as unknown as z.ZodMiniObject<Patch<S>, z.core.$strict>
}
