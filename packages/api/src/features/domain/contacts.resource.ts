/** @module contacts: the people conversations are with; every member reads, agents and admins write. */
import { Contact, ContactInsert, ContactUpdate } from '@connectgain/contracts'
import { contacts } from '@connectgain/db'
import { defineResource } from '../rest/registry.ts'
import { createdUpdated } from '../webhooks/outbox.ts'

export const contactsResource = defineResource({
  name: 'contacts',
  description: 'The people conversations are with: a name, and an email address and phone number when known.',
  table: contacts,
  row: Contact,
  insert: ContactInsert,
  update: ContactUpdate,
  deletable: true,
  events: createdUpdated('contact.created', 'contact.updated'),
  idPrefix: 'con',
  sample: (n) => ({ name: `Contact ${n}`, email: `contact-${n.toLowerCase()}@example.com` }),
})
