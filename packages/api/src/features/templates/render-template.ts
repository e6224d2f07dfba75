/**
 * @module `POST /functions/v1/render-template`: a saved template or a draft body, filled with the caller's
 * organization and name and, when named, a contact's and a conversation's values. Read-only; every member may call it.
 */
import {
  contactValues,
  RenderTemplateRequest,
  RenderTemplateResponse,
  renderTemplate,
  type TemplateValues,
  variablesIn,
} from '@connectgain/contracts'
import {
  contacts,
  conversations,
  type Db,
  memberships,
  messageTemplates,
  organizations,
} from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import type { Caller } from '../../caller.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction } from '../../functions/registry.ts'

/** The signed-in member's name in this org, as the member list shows it; an API key is nobody's. */
async function agentName(db: Db, caller: Caller): Promise<string | null> {
  if (caller.kind !== 'session') return null
  const [member] = await db
    .select({ name: memberships.name })
    .from(memberships)
    .where(and(eq(memberships.org_id, caller.orgId), eq(memberships.user_id, caller.userId)))
  return member?.name ?? null
}

async function organizationName(db: Db, orgId: string): Promise<string | null> {
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId))
  return org?.name ?? null
}

export const renderTemplateFunction = defineFunction({
  name: 'render-template',
  summary:
    "Fill a message template's variables: a saved template (`id`) or a draft `body`, with the organization's name, the signed-in member's name (`agent.name`; an API key has none) and, when named, a contact's (`contact_id`) and a conversation's (`conversation_id`) values. A variable without a value stays in `text` as written and is listed in `unresolved`. Another organization's template, contact or conversation answers 404 as a missing one. Every member may call it; it writes nothing.",
  auth: 'member',
  permission: 'render-template',
  input: RenderTemplateRequest,
  output: RenderTemplateResponse,
  async handler({ id, body: draft, contact_id, conversation_id }, { deps: { db }, caller }) {
    const body =
      id === undefined
        ? draft
        : (
            await orgRow(db, messageTemplates, caller.orgId, id, {
              noun: 'message template',
              list: 'GET /rest/v1/message_templates',
            })
          ).body
    if (body === undefined) throw new Error('RenderTemplateRequest let through neither an id nor a body')
    const contact =
      contact_id === undefined
        ? null
        : await orgRow(db, contacts, caller.orgId, contact_id, {
            noun: 'contact',
            list: 'GET /rest/v1/contacts',
            field: 'contact_id',
          })
    const conversation =
      conversation_id === undefined
        ? null
        : await orgRow(db, conversations, caller.orgId, conversation_id, {
            noun: 'conversation',
            list: 'GET /rest/v1/conversations',
            field: 'conversation_id',
          })
    const values: TemplateValues = {
      ...contactValues(contact),
      'conversation.id': conversation?.id ?? null,
      'agent.name': await agentName(db, caller),
      'organization.name': await organizationName(db, caller.orgId),
    }
    return { ...renderTemplate(body, values), variables: variablesIn(body) }
  },
})
