/** @module The Danger Zone's functions: how much domain data the org holds, and deleting all of it. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'

/** What the owner types to delete all data: exactly this, case and spaces included. */
export const DELETE_ALL_DATA_PHRASE = 'DELETE ALL DATA'

/** Rows per domain resource (`{ contacts: 12, … }`). */
const Counts = meta(z.record(z.string(), z.number()), {
  description: 'Rows per domain resource, every domain resource named (0 when it has none).',
})

/** `GET /functions/v1/data-summary`. */
export const DataSummary = meta(z.object({ counts: Counts }), {
  id: 'DataSummary',
  examples: [{ counts: { contacts: 12, conversations: 30, messages: 214 } }],
})
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
