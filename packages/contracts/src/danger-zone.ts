/** @module The Danger Zone's functions: how much domain data the org holds, and deleting all of it. */
import * as z from 'zod/mini'
import { DELETE_ALL_DATA_PHRASE } from './danger-zone-phrase.ts'
import { meta } from './meta.ts'

export { DELETE_ALL_DATA_PHRASE }

/** Rows per domain resource (`{ contacts: 12, … }`). */
const Counts = meta(z.record(z.string(), z.number()), {
  description: 'Rows per domain resource, every domain resource named (0 when it has none).',
})

/** `GET /functions/v1/data-summary`: the org named, so a confirmation can say whose data it deletes. */
export const DataSummary = meta(
  z.object({
    organization: meta(z.object({ id: z.string(), name: z.string() }), {
      description: 'The organization the counts are of.',
    }),
    counts: Counts,
  }),
  {
    id: 'DataSummary',
    examples: [
      {
        organization: { id: 'org_01JDX5Q2W8Z3N4M5P6R7S8T9V4', name: 'Acme Support' },
        counts: { contacts: 12, conversations: 30, messages: 214 },
      },
    ],
  },
)
export type DataSummary = z.infer<typeof DataSummary>

/** `POST /functions/v1/delete-all-data`. */
export const DeleteAllDataRequest = meta(
  z.strictObject({
    confirmation: meta(
      z.string().check(
        z.refine((s) => s === DELETE_ALL_DATA_PHRASE, {
          message: `Type ${DELETE_ALL_DATA_PHRASE} exactly, in capitals`,
        }),
      ),
      { description: `Must be exactly \`${DELETE_ALL_DATA_PHRASE}\`.` },
    ),
  }),
  { id: 'DeleteAllDataRequest', examples: [{ confirmation: DELETE_ALL_DATA_PHRASE }] },
)
export type DeleteAllDataRequest = z.infer<typeof DeleteAllDataRequest>

export const DeleteAllDataResponse = meta(z.object({ deleted: Counts }), {
  id: 'DeleteAllDataResponse',
  examples: [{ deleted: { contacts: 12, conversations: 30, messages: 214 } }],
})
export type DeleteAllDataResponse = z.infer<typeof DeleteAllDataResponse>

/** What `data.deleted` carries: the counts deleted, and who asked. */
export const DataDeletedPayload = z.object({ deleted: Counts, deleted_by: z.nullable(z.string()) })
