/** @module Bot flows: a chatbot's flow, its definition as JSON the bot runs (domain data). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const BotFlow = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    definition: z.record(z.string(), z.unknown()),
    active: z.boolean(),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'BotFlow' },
)
export type BotFlow = z.infer<typeof BotFlow>

export const BotFlowInsert = meta(
  z.strictObject({
    name: oneLineName(200),
    definition: z._default(z.record(z.string(), z.unknown()), {}),
    active: z._default(z.boolean(), false),
  }),
  {
    id: 'BotFlowInsert',
    examples: [{ name: 'Welcome', definition: { start: { say: 'Hi! How can we help?' } } }],
  },
)
export type BotFlowInsert = z.input<typeof BotFlowInsert>

export const BotFlowUpdate = meta(patchOf(BotFlowInsert), { id: 'BotFlowUpdate' })
