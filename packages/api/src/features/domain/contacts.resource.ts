/** @module contacts: the people conversations are with; every member reads, agents and admins write. */
import { Contact, ContactInsert, ContactUpdate } from '@connectgain/contracts'
import { contacts, lifecycleStages } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { defineResource, type RequestHook } from '../../rest/registry.ts'
import { createdUpdated, emitEvents } from '../webhooks/outbox.ts'

/** A new contact that names no stage is in the org's default one: one read, only when some row needs it. */
const defaultStage: RequestHook = async (events, { db, caller }) => {
  const unstaged = events.filter(
    (e) => e.op === 'insert' && e.after && e.after.lifecycle_stage_id === undefined,
  )
  if (unstaged.length === 0) return undefined
  const [stage] = await db
    .select({ id: lifecycleStages.id })
    .from(lifecycleStages)
    .where(and(eq(lifecycleStages.org_id, caller.orgId), eq(lifecycleStages.is_default, true)))
  for (const event of unstaged) if (event.after) event.after.lifecycle_stage_id = stage?.id ?? null
  return undefined
}

export const contactsResource = defineResource({
  name: 'contacts',
  description:
    'The people conversations are with: a name, an email address and phone number when known, and the lifecycle stage they are in (the default stage unless one is named).',
  table: contacts,
  row: Contact,
  insert: ContactInsert,
  update: ContactUpdate,
  deletable: true,
  domainData: true,
  references: { lifecycle_stage_id: 'lifecycle_stages' },
  hooks: [defaultStage],
  onWrite: [emitEvents(createdUpdated('contact.created', 'contact.updated'))],
  idPrefix: 'con',
  sample: (n) => ({ name: `Contact ${n}`, email: `contact-${n.toLowerCase()}@example.com` }),
})
