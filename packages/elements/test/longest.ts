/** @module The longest value each text field of a contract accepts: the tab suite's width case seeds rows with them. */
import type * as z from 'zod/mini'

type Node = z.core.$ZodType

/** `node` without its optional, default and nullable wrappers. */
function unwrap(node: Node): Node {
  let inner = node
  while (['optional', 'default', 'nullable', 'prefault'].includes(inner._zod.def.type))
    inner = (inner._zod.def as unknown as { innerType: Node }).innerType
  return inner
}

/** The maximum length the string field `name` of the object `schema` declares, if it declares one. */
export function maxLengthOf(schema: z.ZodMiniType, name: string): number | undefined {
  const shape = (schema as unknown as z.core.$ZodObject)._zod.def.shape
  const node = shape[name] as Node | undefined
  if (!node) throw new Error(`the contract has no field '${name}'`)
  const def = unwrap(node)._zod.def as { type: string; checks?: Node[] }
  if (def.type !== 'string') return undefined
  return def.checks
    ?.map((check) => check._zod.def as { check?: string; maximum?: number })
    .find((check) => check.check === 'max_length')?.maximum
}

/**
 * Every string field of the object `schema` that declares a maximum length, holding that many characters and no
 * space (one wide lowercase letter, which every name, key, slug and shortcut rule accepts): what a member can
 * type at most, and what a list must show without widening the page.
 */
export function longest(schema: z.ZodMiniType): Record<string, string> {
  const shape = (schema as unknown as z.core.$ZodObject)._zod.def.shape
  const values: Record<string, string> = {}
  for (const name of Object.keys(shape)) {
    const max = maxLengthOf(schema, name)
    if (max !== undefined) values[name] = 'm'.repeat(max)
  }
  return values
}

/** `prefix` followed by as many characters as make `length` (a URL, a unique slug at their maximum). */
export const padded = (prefix: string, length: number): string => prefix + 'm'.repeat(length - prefix.length)
