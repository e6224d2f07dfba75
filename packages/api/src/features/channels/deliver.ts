/**
 * @module One inbound message written as the inbox expects it: the contact (found by email, else by phone; created
 * when new), the open conversation with them on this channel (reused, else opened), and the incoming message. All
 * of it is one batch through the registry's commit path, so the usual hooks run: the audit log, `contact.created`,
 * `conversation.created`, `message.created` and the pushes. A message whose provider id is known is not written
 * again.
 */
import { type channels, contacts, conversations, messages, newId } from '@connectgain/db'
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Caller } from '../../caller.ts'
import type { Deps } from '../../deps.ts'
import { ApiError } from '../../errors.ts'
import { commitBatch, runRequestHooks } from '../../rest/commit.ts'
import type { Registry, Resource, Row, Statement, WriteContext, WriteEvent } from '../../rest/registry.ts'

export type ChannelRow = typeof channels.$inferSelect

export interface InboundMessage {
  contact: { name?: string | undefined; email?: string | undefined; phone?: string | undefined }
  content: string
  /** The provider's id of the message (a WhatsApp `wamid`): a repeat is ignored. */
  externalId?: string | undefined
}

export interface Delivered {
  message_id: string
  conversation_id: string
  contact_id: string
  /** The message was known already: nothing was written. */
  duplicate: boolean
}

/**
 * Who writes an inbound message: the channel, acting for its org with an API key's reach. The audit log records it
 * as `api_key` with the channel's id; rows it creates have no `created_by` (no member wrote them).
 */
export const channelCaller = (channel: ChannelRow): Caller => ({
  kind: 'api_key',
  keyId: channel.id,
  orgId: channel.org_id,
  role: 'admin',
  scope: 'full',
})

/** A name fit for a contact: one line, at most 200 characters; else what identifies them. */
function contactName({ name, email, phone }: InboundMessage['contact']): string {
  const clean = name
    ?.replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, 200)
  return clean || email || phone || 'Unknown'
}

const resourceOf = (registry: Registry, name: string): Resource => {
  const resource = registry.get(name)
  if (!resource) throw new Error(`inbound messages need the ${name} resource`)
  return resource
}

async function knownMessage(deps: Deps, orgId: string, externalId: string): Promise<Delivered | undefined> {
  const [known] = await deps.db
    .select({
      id: messages.id,
      conversation_id: messages.conversation_id,
      contact_id: conversations.contact_id,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversation_id))
    .where(and(eq(messages.org_id, orgId), eq(messages.external_id, externalId)))
  return (
    known && {
      message_id: known.id,
      conversation_id: known.conversation_id,
      contact_id: known.contact_id,
      duplicate: true,
    }
  )
}

/** Writes `message` for `channel` (see the module comment); `background` runs the outbox kick after the commit. */
export async function deliverInbound(
  deps: Deps,
  registry: Registry,
  channel: ChannelRow,
  message: InboundMessage,
  background: (work: Promise<unknown>) => void,
): Promise<Delivered> {
  const { db, clock, config } = deps
  const orgId = channel.org_id
  if (message.externalId) {
    const known = await knownMessage(deps, orgId, message.externalId)
    if (known) return known
  }
  const caller = channelCaller(channel)
  const now = clock.now().toISOString()
  const ctx: WriteContext = { db, caller, now, config }
  const { email, phone } = message.contact
  const byEmail = email ? sql`lower(${contacts.email}) = ${email.toLowerCase()}` : undefined
  const byPhone = phone ? inArray(contacts.phone, [phone, phone.replace(/^\+/, '')]) : undefined
  // An email identifies a contact better than a phone number: look for it first.
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.org_id, orgId), or(byEmail, byPhone)))
    .orderBy(byEmail ? sql`${byEmail} desc` : contacts.created_at, contacts.created_at)
    .limit(1)

  const plan: { resource: Resource; event: WriteEvent }[] = []
  const insert = (name: string, values: Row): Row => {
    const resource = resourceOf(registry, name)
    const after = {
      id: newId(resource.idPrefix),
      org_id: orgId,
      created_by: null,
      created_at: now,
      ...values,
    }
    plan.push({ resource, event: { op: 'insert', resource, before: null, after, caller } })
    return after
  }

  const contactId =
    contact?.id ??
    String(
      insert('contacts', {
        name: contactName(message.contact),
        email: email ?? null,
        phone: phone ?? null,
        updated_at: now,
      }).id,
    )
  const [open] = contact
    ? await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(
            eq(conversations.org_id, orgId),
            eq(conversations.contact_id, contactId),
            eq(conversations.channel_id, channel.id),
            inArray(conversations.status, ['open', 'pending']),
          ),
        )
        .orderBy(desc(conversations.created_at))
        .limit(1)
    : []
  const conversationId =
    open?.id ??
    String(
      insert('conversations', {
        contact_id: contactId,
        subject: null,
        status: 'open',
        assignee_id: null,
        team_id: null,
        channel_id: channel.id,
        updated_at: now,
      }).id,
    )
  const written = insert('messages', {
    conversation_id: conversationId,
    direction: 'incoming',
    content: message.content,
    external_id: message.externalId ?? null,
  })

  // Each resource's request hooks see its rows first (a new contact gets the org's default lifecycle stage).
  const added = { before: [] as Statement[], after: [] as Statement[], changes: [] as WriteEvent[] }
  for (const { resource, event } of plan) {
    const more = await runRequestHooks(resource, [event], ctx)
    added.before.push(...more.before)
    added.after.push(...more.after)
    added.changes.push(...more.changes)
  }
  const writes = plan.map(({ resource, event }) => db.insert(resource.table).values(event.after as never))
  const messagesResource = resourceOf(registry, 'messages')
  try {
    await commitBatch(
      messagesResource,
      ctx,
      { writes, events: plan.map((p) => p.event), added },
      { registry, onOutbox: () => deps.outbox && background(deps.outbox.kick()) },
    )
  } catch (error) {
    // The same message delivered twice at once: the unique index let one of them in.
    if (error instanceof ApiError && error.code === '23505' && message.externalId) {
      const known = await knownMessage(deps, orgId, message.externalId)
      if (known) return known
    }
    throw error
  }
  return {
    message_id: String(written.id),
    conversation_id: conversationId,
    contact_id: contactId,
    duplicate: false,
  }
}
