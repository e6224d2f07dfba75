/** @module D1 binds at most 100 parameters per statement: a big write is several statements of one batch. */

/** D1's limit on bound parameters per statement (libSQL allows far more; the app codes to the smaller). */
export const MAX_BOUND_PARAMETERS = 100

/** `items` in runs of `size` (at least 1). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size))
  const out: T[][] = []
  for (let i = 0; i < items.length; i += step) out.push(items.slice(i, i + step))
  return out
}
