/** @module `POST /functions/v1/reorder`: the new order of an ordered resource's rows, every row named once. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'

/** At most this many rows in one ordered list (the REST page limit). */
export const MAX_ORDERED_ROWS = 1000

export const ReorderRequest = meta(
  z.strictObject({
    resource: meta(z.string().check(z.minLength(1, 'Name the resource')), {
      description: 'An ordered resource, e.g. `lifecycle_stages` or `sidebar_items`.',
    }),
    ids: meta(
      z
        .array(z.string().check(z.minLength(1)))
        .check(
          z.minLength(1, 'List every row of the resource, in the new order'),
          z.maxLength(MAX_ORDERED_ROWS, `At most ${MAX_ORDERED_ROWS} rows`),
        ),
      { description: "Every one of the organization's rows, each once, in the new order." },
    ),
  }),
  {
    id: 'ReorderRequest',
    examples: [{ resource: 'lifecycle_stages', ids: ['lcs_01', 'lcs_03', 'lcs_02'] }],
  },
)
export type ReorderRequest = z.infer<typeof ReorderRequest>

export const ReorderResponse = meta(
  z.object({
    resource: z.string(),
    /** The rows in their new order. */
    ids: z.array(z.string()),
    /** How many rows moved. */
    moved: z.number(),
  }),
  { id: 'ReorderResponse' },
)
export type ReorderResponse = z.infer<typeof ReorderResponse>
