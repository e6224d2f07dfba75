/**
 * @module Contract: message templates. A body names only the catalog's variables, a name is unique per org (ignoring
 * case), `render-template` fills a saved template or a draft for a contact and a conversation of the caller's org,
 * every member reads and renders while owners and admins write, and delete-all-data takes an org's templates. Each
 * describe works in orgs of its own, so the rest of the suite keeps its data.
 */
import { DELETE_ALL_DATA_PHRASE, type Role, roles } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type CreatedRow,
  createRow,
  devSession,
  type ErrorEnvelope,
  expectError,
  expectJson,
  SESSIONS,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

const TEMPLATES = '/rest/v1/message_templates'
const RENDER = '/functions/v1/render-template'
const INVALID = { status: 400, code: '22P02' }
const DENIED = { status: 403, code: '42501' }
const MISSING = { status: 404, code: 'CG404' }

interface Rendered {
  text: string
  variables: string[]
  unresolved: string[]
}

export function registerMessageTemplatesContract(target: Target): void {
  /** One member per role in a new org. */
  async function newOrg(): Promise<Record<Role, Session>> {
    const slug = `mt-${unique()}`
    const members = {} as Record<Role, Session>
    for (const role of roles) members[role] = await devSession(target, role, slug)
    return members
  }

  const post = (s: Session, resource: string, body: unknown): Promise<CreatedRow> =>
    createRow(target, s.access_token, resource, body)

  const get = async (s: Session, path: string): Promise<CreatedRow[]> =>
    expectJson<CreatedRow[]>(await send(target, path, { token: s.access_token }), 200)

  const templates = (s: Session): Promise<CreatedRow[]> => get(s, `${TEMPLATES}?order=id`)

  const write = (s: Session, method: string, query: string, body?: unknown) =>
    send(target, `${TEMPLATES}${query}`, {
      method,
      token: s.access_token,
      body,
      headers: { Prefer: 'return=representation' },
    })

  const render = (token: string, body: unknown) => send(target, RENDER, { method: 'POST', token, body })

  const rendered = async (token: string, body: unknown): Promise<Rendered> =>
    expectJson<Rendered>(await render(token, body), 200)

  describe('Message templates: variables, names, rendering and roles', () => {
    let a: Record<Role, Session>
    let b: Record<Role, Session>
    let contact: CreatedRow
    let contactB: CreatedRow
    let conversationB: CreatedRow
    let templateB: CreatedRow
    beforeAll(async () => {
      a = await newOrg()
      b = await newOrg()
      contact = await post(a.agent, 'contacts', {
        name: 'Ana María García',
        email: 'ana@example.com',
        phone: '+34600111222',
      })
      contactB = await post(b.agent, 'contacts', { name: 'Bo Berg', email: 'bo@example.com' })
      conversationB = await post(b.agent, 'conversations', { contact_id: contactB.id, subject: 'Hi' })
      templateB = await post(b.admin, 'message_templates', {
        name: 'Org B only',
        body: 'Hi {{contact.name}}',
      })
    })

    it('an admin saves a body whose variables are in the catalog: 201, category general unless given', async () => {
      const body = 'Hi {{contact.first_name}}, this is {{ agent.name }} from {{organization.name}}.'
      const saved = await post(a.admin, 'message_templates', { name: `Welcome ${unique()}`, body })
      expect(saved).toMatchObject({ body, category: 'general', created_by: a.admin.user_id })
      expect(saved.id).toMatch(/^mtp_/)
      const followUp = await post(a.owner, 'message_templates', {
        name: `Follow up ${unique()}`,
        category: 'follow_up',
        body: '  Any news, {{contact.name}}?  ',
      })
      expect(followUp).toMatchObject({ category: 'follow_up', body: 'Any news, {{contact.name}}?' })
      expect((await templates(a.agent)).map((t) => t.id)).toEqual(expect.arrayContaining([saved.id]))
    })

    it('an unknown variable is 400 naming body, its message names it; nothing is written', async () => {
      const before = await templates(a.owner)
      const error = await expectError(
        await write(a.admin, 'POST', '', {
          name: `Nickname ${unique()}`,
          body: 'Hi {{contact.nickname}}, welcome',
        }),
        { ...INVALID, field: 'body', message: /\{\{contact\.nickname\}\}/ },
      )
      expect(error.details).toEqual([
        expect.objectContaining({
          field: 'body',
          message: expect.stringMatching(
            /^Unknown variable \{\{contact\.nickname\}\}\. Use one of: contact\.name, /,
          ),
          params: { id: 'template_variable', variable: 'contact.nickname' },
        }),
      ])
      await expectError(await write(a.admin, 'POST', '', { name: `Empty ${unique()}`, body: '   ' }), {
        ...INVALID,
        field: 'body',
      })
      await expectError(
        await write(a.admin, 'POST', '', { name: `Kind ${unique()}`, body: 'Hi', category: 'billing' }),
        { ...INVALID, field: 'category' },
      )
      expect(await templates(a.owner)).toEqual(before)
    })

    it('a PATCH with an unknown variable is 400 naming body and leaves the template as it was', async () => {
      const saved = await post(a.admin, 'message_templates', { name: `Patch ${unique()}`, body: 'Hello' })
      await expectError(await write(a.admin, 'PATCH', `?id=eq.${saved.id}`, { body: 'Hi {{agent.email}}' }), {
        ...INVALID,
        field: 'body',
        message: /\{\{agent\.email\}\}/,
      })
      expect(await get(a.owner, `${TEMPLATES}?id=eq.${saved.id}`)).toEqual([saved])
      const changed = await expectJson<CreatedRow[]>(
        await write(a.admin, 'PATCH', `?id=eq.${saved.id}`, { body: 'Hello {{contact.name}}' }),
        200,
      )
      expect(changed[0]).toMatchObject({ id: saved.id, body: 'Hello {{contact.name}}', category: 'general' })
    })

    it('a name is unique in the org, ignoring case: 409 naming name, nothing written; another org takes it', async () => {
      const name = `Greeting ${unique()}`
      await post(a.admin, 'message_templates', { name, body: 'Hi' })
      const before = await templates(a.owner)
      for (const taken of [name, name.toUpperCase()])
        await expectError(await write(a.admin, 'POST', '', { name: taken, body: 'Hello again' }), {
          status: 409,
          code: '23505',
          field: 'name',
        })
      expect(await templates(a.owner)).toEqual(before)
      expect(await post(b.admin, 'message_templates', { name, body: 'Hi' })).toMatchObject({ name })
    })

    it("renders a saved template for a contact: every contact.* filled, the first name the name's first word", async () => {
      const body =
        'Dear {{contact.first_name}} ({{contact.name}}), we will write to {{contact.email}} or call {{ contact.phone }}.'
      const saved = await post(a.admin, 'message_templates', { name: `Contact ${unique()}`, body })
      expect(await rendered(a.agent.access_token, { id: saved.id, contact_id: contact.id })).toEqual({
        text: 'Dear Ana (Ana María García), we will write to ana@example.com or call +34600111222.',
        variables: ['contact.first_name', 'contact.name', 'contact.email', 'contact.phone'],
        unresolved: [],
      })
    })

    it('renders a draft body without a contact: contact.* stay as written and are listed, once each', async () => {
      const body = 'Hi {{ contact.first_name }}! {{contact.email}}, {{contact.first_name}}. {{ not closed'
      expect(await rendered(a.agent.access_token, { body })).toEqual({
        text: body,
        variables: ['contact.first_name', 'contact.email'],
        unresolved: ['contact.first_name', 'contact.email'],
      })
    })

    it('fills conversation.id and organization.name; agent.name stays when the member has no name', async () => {
      const conversation = await post(a.agent, 'conversations', { contact_id: contact.id, subject: 'Refund' })
      const [org] = await get(a.owner, '/rest/v1/organizations?select=name')
      const body = '{{conversation.id}} at {{organization.name}} by {{agent.name}}'
      expect(await rendered(a.agent.access_token, { body, conversation_id: conversation.id })).toEqual({
        text: `${conversation.id} at ${org?.name} by {{agent.name}}`,
        variables: ['conversation.id', 'organization.name', 'agent.name'],
        unresolved: ['agent.name'],
      })
    })

    it("fills agent.name with the signed-in member's name; an API key, which is no member, leaves it", async () => {
      const name = `Sam Lee ${unique()}`
      const key = target().keys.active
      const session = await expectJson<Session>(
        await send(target, SESSIONS, {
          method: 'POST',
          token: key,
          body: { email: `mt-${unique()}@example.com`, name, role: 'agent' },
        }),
        201,
      )
      const [member] = await get(session, `/rest/v1/members?user_id=eq.${session.user_id}&select=name`)
      expect(member?.name).toBe(name)
      const body = 'I am {{agent.name}} of {{organization.name}}'
      const [org] = await get(session, '/rest/v1/organizations?select=name')
      expect(await rendered(session.access_token, { body })).toMatchObject({
        text: `I am ${name} of ${org?.name}`,
        unresolved: [],
      })
      expect(await rendered(key, { body })).toEqual({
        text: `I am {{agent.name}} of ${org?.name}`,
        variables: ['agent.name', 'organization.name'],
        unresolved: ['agent.name'],
      })
    })

    it('both an id and a body, or neither, is 400 naming id; an unknown variable in a body is 400 naming body', async () => {
      const saved = await post(a.admin, 'message_templates', { name: `Either ${unique()}`, body: 'Hi' })
      await expectError(await render(a.agent.access_token, { id: saved.id, body: 'Hi' }), {
        ...INVALID,
        field: 'id',
        message: /not both/,
      })
      await expectError(await render(a.agent.access_token, { contact_id: contact.id }), {
        ...INVALID,
        field: 'id',
        message: /Give a template id or a body/,
      })
      await expectError(await render(a.agent.access_token, { body: 'Hi {{contact.nickname}}' }), {
        ...INVALID,
        field: 'body',
        message: /\{\{contact\.nickname\}\}/,
      })
    })

    it("another org's template, contact or conversation answers 404 naming its field, as a missing one does", async () => {
      const token = a.agent.access_token
      const same = (foreign: ErrorEnvelope, missing: ErrorEnvelope) =>
        expect(foreign.details).toEqual(missing.details)
      same(
        await expectError(await render(token, { id: templateB.id }), { ...MISSING, field: 'id' }),
        await expectError(await render(token, { id: 'mtp_doesnotexist' }), { ...MISSING, field: 'id' }),
      )
      same(
        await expectError(await render(token, { body: 'Hi', contact_id: contactB.id }), {
          ...MISSING,
          field: 'contact_id',
          message: /contact_id/,
        }),
        await expectError(await render(token, { body: 'Hi', contact_id: 'con_doesnotexist' }), {
          ...MISSING,
          field: 'contact_id',
        }),
      )
      await expectError(await render(token, { body: 'Hi', conversation_id: conversationB.id }), {
        ...MISSING,
        field: 'conversation_id',
      })
    })

    it('every role reads templates and renders them; only owners and admins write (403 otherwise, nothing written)', async () => {
      const saved = await post(a.admin, 'message_templates', {
        name: `Roles ${unique()}`,
        body: 'Hi {{contact.name}}',
      })
      const before = await templates(a.owner)
      for (const role of roles) {
        expect((await templates(a[role])).map((t) => t.id)).toContain(saved.id)
        expect(await rendered(a[role].access_token, { id: saved.id, contact_id: contact.id })).toMatchObject({
          text: 'Hi Ana María García',
        })
      }
      for (const role of roles.filter((r) => r !== 'owner' && r !== 'admin')) {
        await expectError(
          await write(a[role], 'POST', '', { name: `By ${role} ${unique()}`, body: 'Hi' }),
          DENIED,
        )
        await expectError(await write(a[role], 'PATCH', `?id=eq.${saved.id}`, { body: 'Changed' }), DENIED)
        await expectError(await write(a[role], 'DELETE', `?id=eq.${saved.id}`), DENIED)
      }
      expect(await templates(a.owner)).toEqual(before)
    })

    it("a member of another org never sees org A's templates, by list or by id", async () => {
      const mine = await templates(a.owner)
      expect(mine.length).toBeGreaterThan(0)
      for (const role of roles) {
        const theirs = (await templates(b[role])).map((t) => t.id)
        for (const row of mine) expect(theirs).not.toContain(row.id)
        expect(await get(b[role], `${TEMPLATES}?id=eq.${mine[0]?.id}`)).toEqual([])
      }
    })
  })

  describe('Message templates in the Danger Zone', () => {
    it("delete-all-data counts and deletes the org's templates, and leaves another org's", async () => {
      const a = await newOrg()
      const b = await newOrg()
      for (const s of [a, b])
        for (const name of ['Welcome', 'Goodbye'])
          await post(s.admin, 'message_templates', { name, body: `${name}, {{contact.first_name}}` })
      const summary = await expectJson<{ counts: Record<string, number> }>(
        await send(target, '/functions/v1/data-summary', { token: a.owner.access_token }),
        200,
      )
      expect(summary.counts.message_templates).toBe(2)
      const answer = await expectJson<{ deleted: Record<string, number> }>(
        await send(target, '/functions/v1/delete-all-data', {
          method: 'POST',
          token: a.owner.access_token,
          body: { confirmation: DELETE_ALL_DATA_PHRASE },
        }),
        200,
      )
      expect(answer.deleted.message_templates).toBe(2)
      expect(await templates(a.owner)).toEqual([])
      expect((await templates(b.owner)).map((t) => t.name).sort()).toEqual(['Goodbye', 'Welcome'])
    })
  })
}
