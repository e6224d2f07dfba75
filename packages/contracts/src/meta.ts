/** @module `meta(schema, {...})`: zod/mini's spelling of `.meta()`, the id and docs OpenAPI reads. */
import * as z from 'zod/mini'

/**
 * Registers `schema` in zod's global registry (component id, description, examples) and returns it. Marked free
 * of side effects for bundlers: a schema the element never uses (a function's request, say) is dropped from its
 * chunks with its registration, which only the API's OpenAPI document reads.
 */
/* @__NO_SIDE_EFFECTS__ */
export function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  z.globalRegistry.add(schema, data)
  return schema
}
