/**
 * @module The inbound URL's writes as the rest of the app sees them: the usual webhook events are queued in the same
 * batch (and a repeat queues none), a body over the limit is refused, other methods are 405; through
 * the app on Node, reading the database the contract suite cannot.
 */
import { webhookMessages } from '@connectgain/db'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import { hubSignature } from './secrets.ts'

const APP_SECRET = 'inbound-test-app-secret-0123456789'
let t: TestContext
let channelId: string

beforeAll(async () => {
  t = await createTestContext()
  const admin = t.orgA.tokens.admin
  const endpoint = await t.request('POST', '/rest/v1/webhook_configurations', {
    token: admin,
    body: { url: 'https://hooks.example.com/inbox', events: ['*'] },
  })
  expect(endpoint.status).toBe(201)
  const created = await t.request('POST', '/rest/v1/channels', {
    token: admin,
    body: {
      type: 'whatsapp',
      name: 'WA',
      settings: { phone_number_id: '106540352242922', waba_id: '102290129340398' },
      credentials: { access_token: 'EAAGtoken0123456789', app_secret: APP_SECRET },
    },
    headers: { Prefer: 'return=representation' },
  })
  channelId = ((await created.json()) as { id: string }[])[0]?.id ?? ''
})
afterAll(() => t.close())

const delivery = (wamid: string) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              metadata: { phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: 'Ana' }, wa_id: '34600111222' }],
              messages: [
                {
                  from: '34600111222',
                  id: wamid,
                  timestamp: '1767225600',
                  type: 'text',
                  text: { body: 'Hola' },
                },
              ],
            },
          },
        ],
      },
    ],
  })

async function post(body: string) {
  return t.app.request(`/functions/v1/inbound/${channelId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': await hubSignature(body, APP_SECRET),
    },
    body,
  })
}

const queued = () =>
  t.db
    .select({ id: webhookMessages.id, type: webhookMessages.event_type, data: webhookMessages.data })
    .from(webhookMessages)
    .where(eq(webhookMessages.org_id, t.orgA.id))
    .orderBy(asc(webhookMessages.created_at), asc(webhookMessages.id))

/** The events `write` queued: those not there before it (the test clock stands still, so not by their order). */
async function queuedBy(write: () => Promise<Response>) {
  const before = new Set((await queued()).map((e) => e.id))
  const res = await write()
  return { res, events: (await queued()).filter((e) => !before.has(e.id)) }
}

describe('inbound: the usual events', () => {
  it('queues contact.created, conversation.created and message.created with the rows as REST shows them', async () => {
    const { res, events } = await queuedBy(() => post(delivery('wamid.events-1')))
    expect(res.status).toBe(200)
    expect(events.map((e) => e.type).sort()).toEqual([
      'contact.created',
      'conversation.created',
      'message.created',
    ])
    const message = events.find((e) => e.type === 'message.created')?.data as Record<string, unknown>
    expect(message).toMatchObject({ direction: 'incoming', content: 'Hola', external_id: 'wamid.events-1' })
    const conversation = events.find((e) => e.type === 'conversation.created')?.data as Record<
      string,
      unknown
    >
    expect(conversation).toMatchObject({ channel_id: channelId, status: 'open' })
    // The contacts resource's own request hook ran: a new contact is in the org's default stage.
    const contact = events.find((e) => e.type === 'contact.created')?.data as Record<string, unknown>
    expect(contact).toMatchObject({
      name: 'Ana',
      phone: '+34600111222',
      lifecycle_stage_id: expect.stringMatching(/^lcs_/),
    })
  })

  it('a repeated wamid queues nothing; a new one from the same contact queues message.created only', async () => {
    const repeat = await queuedBy(() => post(delivery('wamid.events-1')))
    expect(repeat.res.status).toBe(200)
    expect(repeat.events).toEqual([])
    const next = await queuedBy(() => post(delivery('wamid.events-2')))
    expect(next.res.status).toBe(200)
    expect(next.events.map((e) => e.type)).toEqual(['message.created'])
  })

  it('a body over 1 MB is 413 before anything is read', async () => {
    const res = await t.app.request(`/functions/v1/inbound/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(1024),
    })
    expect(res.status).toBe(413)
  })

  it('other methods are 405 naming GET and POST', async () => {
    const res = await t.app.request(`/functions/v1/inbound/${channelId}`, { method: 'PUT', body: '{}' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, POST')
  })
})
