/** @module Deals: an opportunity with a company or a contact, its value in minor units of one currency (domain data). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { Currency } from './organizations.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const dealStages = ['open', 'won', 'lost'] as const
export type DealStage = (typeof dealStages)[number]

export const Deal = meta(
  z.object({
    id: z.string(),
    title: z.string(),
    value: meta(z.number(), { description: "In the currency's minor units: 12500 is 125.00 EUR." }),
    currency: z.string(),
    stage: z.enum(dealStages),
    company_id: z.nullable(z.string()),
    contact_id: z.nullable(z.string()),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Deal' },
)
export type Deal = z.infer<typeof Deal>

export const DealInsert = meta(
  z.strictObject({
    title: oneLineName(200),
    value: z._default(
      z.int().check(z.minimum(0, 'Value cannot be negative'), z.maximum(Number.MAX_SAFE_INTEGER)),
      0,
    ),
    // Described on the optional, not on Currency itself: `meta` would replace the organization's examples.
    currency: meta(z.optional(Currency), {
      description: "ISO 4217; the organization's currency when omitted.",
    }),
    stage: z._default(z.enum(dealStages), 'open'),
    company_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
    contact_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  }),
  { id: 'DealInsert', examples: [{ title: 'Annual plan', value: 120000, stage: 'open' }] },
)
export type DealInsert = z.input<typeof DealInsert>

export const DealUpdate = meta(patchOf(DealInsert), { id: 'DealUpdate' })
