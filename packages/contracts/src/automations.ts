/** @module Automations: on an event, when its conditions hold, run its actions (domain data; JSON the engine reads). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'
import { subscribableEvents } from './webhook-event-types.ts'

/** One condition or action: an object whose keys the automation engine defines. */
const Step = z.record(z.string(), z.unknown())

export const Automation = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    event: z.string(),
    conditions: z.array(Step),
    actions: z.array(Step),
    active: z.boolean(),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Automation' },
)
export type Automation = z.infer<typeof Automation>

export const AutomationInsert = meta(
  z.strictObject({
    name: oneLineName(200),
    event: meta(z.enum(subscribableEvents), { description: 'The event that triggers it.' }),
    conditions: z._default(z.array(Step).check(z.maxLength(50)), []),
    actions: z._default(z.array(Step).check(z.maxLength(50)), []),
    active: z._default(z.boolean(), true),
  }),
  {
    id: 'AutomationInsert',
    examples: [
      {
        name: 'Route refunds to billing',
        event: 'conversation.created',
        conditions: [{ field: 'subject', contains: 'refund' }],
        actions: [{ assign_team: 'tm_billing' }],
      },
    ],
  },
)
export type AutomationInsert = z.input<typeof AutomationInsert>

export const AutomationUpdate = meta(patchOf(AutomationInsert), { id: 'AutomationUpdate' })
