/**
 * @module delete-all-data on Node: a table is covered by declaring itself domain data, the batch is atomic (a fault
 * in its last delete leaves everything in place), and it sends one `data.deleted` event, queued ones kept.
 */
import { DELETE_ALL_DATA_PHRASE } from '@connectgain/contracts'
import { auditLog, webhookMessages } from '@connectgain/db'
import { eq, sql } from 'drizzle-orm'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, registry } from '../../app.ts'
import { createRegistry, defineResource } from '../../rest/registry.ts'
import { createNotesTable, notesResource } from '../../rest/test-resource.ts'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import type { AppEnv } from '../../types.ts'
import { deletionOrder } from './danger-zone.ts'

/** The test's notes table, declared domain data and nothing else: the Danger Zone must cover it. */
const notesData = defineResource({ ...notesResource, policy: 'contacts', domainData: true })
const withNotes = createRegistry([...registry.values(), notesData], registry.hooks)

let t: TestContext
let app: Hono<AppEnv>
beforeAll(async () => {
  t = await createTestContext()
  await createNotesTable(t.db)
  app = createApp({ db: t.db, clock: t.clock, config: t.config, queue: t.queue }, { registry: withNotes })
})
afterAll(() => t.close())

async function call<T>(
  token: string,
  method: string,
  path: string,
  status: number,
  body?: unknown,
): Promise<T> {
  const res = await app.request(path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Prefer: 'return=representation',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}

type Counts = Record<string, number>
const summary = async (token: string) =>
  (await call<{ counts: Counts }>(token, 'GET', '/functions/v1/data-summary', 200)).counts

/** A contact with a conversation and a message, a company with a deal, and a note, in the org of `token`. */
async function seed(token: string): Promise<void> {
  const post = async (resource: string, body: unknown) =>
    (await call<{ id: string }[]>(token, 'POST', `/rest/v1/${resource}`, 201, body))[0]?.id
  const contact = await post('contacts', { name: 'Ana' })
  const conversation = await post('conversations', { contact_id: contact })
  await post('messages', { conversation_id: conversation, content: 'Hi' })
  const company = await post('companies', { name: 'Globex' })
  await post('deals', { title: 'Plan', company_id: company, contact_id: contact })
  await post('notes', { title: 'Remember', priority: 1 })
}

const expected: Counts = {
  contacts: 1,
  conversations: 1,
  messages: 1,
  companies: 1,
  deals: 1,
  tasks: 0,
  automations: 0,
  bot_flows: 0,
  message_templates: 0,
  notes: 1,
}

describe('delete-all-data', () => {
  beforeAll(async () => {
    const { owner } = t.orgA.tokens
    await call(owner, 'POST', '/rest/v1/webhook_configurations', 201, {
      url: 'https://hooks.example.com/cg',
      events: ['*'],
    })
    await seed(owner)
    await seed(t.orgB.tokens.owner)
  })

  it('deletes children before parents, the declared test table last', () => {
    const order = deletionOrder(withNotes).map((r) => r.name)
    const before = (child: string, parent: string) =>
      expect(order.indexOf(child)).toBeLessThan(order.indexOf(parent))
    before('messages', 'conversations')
    before('conversations', 'contacts')
    before('deals', 'contacts')
    before('deals', 'companies')
    before('tasks', 'contacts')
    expect(order.at(-1)).toBe('notes')
  })

  it('a fault in the last delete of the batch leaves every row, audit entry and event in place', async () => {
    const { owner } = t.orgA.tokens
    await t.db.run(
      sql`CREATE TRIGGER notes_fault BEFORE DELETE ON notes BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    )
    const audits = (await t.db.select().from(auditLog)).length
    const events = (await t.db.select().from(webhookMessages)).length
    const res = await app.request('/functions/v1/delete-all-data', {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirmation: DELETE_ALL_DATA_PHRASE }),
    })
    expect(res.status).toBe(500)
    expect(await summary(owner)).toEqual(expected)
    expect((await t.db.select().from(auditLog)).length).toBe(audits)
    expect((await t.db.select().from(webhookMessages)).length).toBe(events)
    await t.db.run(sql`DROP TRIGGER notes_fault`)
  })

  it('covers the declared table, writes one audit entry and one data.deleted event, and keeps queued events and org B', async () => {
    const { owner } = t.orgA.tokens
    expect(await summary(owner)).toEqual(expected)
    const queued = await t.db.select().from(webhookMessages).where(eq(webhookMessages.org_id, t.orgA.id))
    expect(queued.length).toBeGreaterThan(0)

    const { deleted } = await call<{ deleted: Counts }>(owner, 'POST', '/functions/v1/delete-all-data', 200, {
      confirmation: DELETE_ALL_DATA_PHRASE,
    })
    expect(deleted).toEqual(expected)
    expect(Object.values(await summary(owner)).every((n) => n === 0)).toBe(true)
    expect(await summary(t.orgB.tokens.owner)).toEqual(expected)

    const after = await t.db.select().from(webhookMessages).where(eq(webhookMessages.org_id, t.orgA.id))
    expect(after.slice(0, queued.length).map((m) => m.id)).toEqual(queued.map((m) => m.id))
    const added = after.filter((m) => !queued.some((q) => q.id === m.id))
    expect(added.map((m) => m.event_type)).toEqual(['data.deleted'])
    expect(added[0]?.data).toEqual({ deleted: expected, deleted_by: t.orgA.userIds.owner })

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.resource, 'delete-all-data'))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ org_id: t.orgA.id, action: 'delete', before: { deleted: expected } })
  })
})
