/** @module `meta(schema, {...})`: zod/mini's spelling of `.meta()`, the id and docs OpenAPI reads. */
import * as z from 'zod/mini'

/** Registers `schema` in zod's global registry (component id, description, examples) and returns it. */
export function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  z.globalRegistry.add(schema, data)
  return schema
}
