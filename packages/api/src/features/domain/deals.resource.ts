/** @module deals: opportunities with a company or contact, in the org's currency unless one is named. */
import { Deal, DealInsert, DealUpdate } from '@connectgain/contracts'
import { deals, organizations } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { defineResource, type RequestHook } from '../../rest/registry.ts'
import { emitEvents, everyWrite } from '../webhooks/outbox.ts'

/** A new deal that names no currency is in the org's: one read, only when some row needs it. */
const orgCurrency: RequestHook = async (events, { db, caller }) => {
  const unpriced = events.filter((e) => e.op === 'insert' && e.after && e.after.currency === undefined)
  if (unpriced.length === 0) return undefined
  const [org] = await db
    .select({ currency: organizations.currency })
    .from(organizations)
    .where(eq(organizations.id, caller.orgId))
  for (const event of unpriced) if (event.after) event.after.currency = org?.currency ?? 'USD'
  return undefined
}

export const dealsResource = defineResource({
  name: 'deals',
  description:
    "Deals with a company or a contact: a title, a value in the currency's minor units (12500 is 125.00), an ISO 4217 currency (the organization's unless one is named) and a stage (`open`, `won`, `lost`).",
  table: deals,
  row: Deal,
  insert: DealInsert,
  update: DealUpdate,
  deletable: true,
  domainData: true,
  references: { company_id: 'companies', contact_id: 'contacts' },
  hooks: [orgCurrency],
  idPrefix: 'deal',
  onWrite: [emitEvents(everyWrite('deal.created', 'deal.updated', 'deal.deleted'))],
  sample: (n) => ({ title: `Deal ${n}`, value: 12500 }),
})
