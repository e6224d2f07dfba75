/**
 * @module Webhooks end to end on the Node host's app: events from real writes, through the outbox and the durable
 * queue, to a recording receiver on 127.0.0.1 that verifies every delivery with the `standardwebhooks` package;
 * retries on a moved clock, Retry-After, 410, the 5-day rule, redirects, rotation, test and redeliver.
 */
import { jobFailures, jobs, webhookConfigurations, webhookMessages } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../../config.ts'
import { createTestContext, TestClock, type TestContext } from '../../test-utils/index.ts'
import { type ReceivedRequest, type Receiver, startReceiver } from '../../test-utils/receiver.ts'

interface Body {
  type: string
  timestamp: string
  data: Record<string, unknown>
}
interface Delivery {
  id: string
  attempt: number
  status_code: number | null
  error: string | null
  message_id: string
  event_type: string
  response_body: string | null
}

let t: TestContext
let receiver: Receiver
afterEach(async () => {
  await receiver?.close()
  t?.close()
})

async function setup(config: Partial<Config> = {}) {
  // Receivers refuse timestamps five minutes off the real time: the host's clock starts at it.
  t = await createTestContext(config, undefined, new TestClock(new Date()))
  receiver = await startReceiver()
  const owner = t.orgA.tokens.owner
  const agent = t.orgA.tokens.agent
  const json = async <T>(res: Response, status: number): Promise<T> => {
    const text = await res.text()
    expect(res.status, text).toBe(status)
    return JSON.parse(text) as T
  }
  const post = <T>(token: string, path: string, body: unknown, status = 201) =>
    t
      .request('POST', path, { token, body, headers: { Prefer: 'return=representation' } })
      .then((r) => json<T>(r, status))
  const endpoint = async (body: Record<string, unknown>, token = owner) => {
    const [row] = await post<{ id: string }[]>(token, '/rest/v1/webhook_configurations', {
      url: `${receiver.url}/hook`,
      ...body,
    })
    const { secret } = await post<{ secret: string }>(
      token,
      '/functions/v1/reveal-webhook-secret',
      { id: row?.id },
      200,
    )
    return { id: String(row?.id), secret }
  }
  /** A contact, a conversation and a message, written by an agent. */
  const conversationWithMessage = async () => {
    const [contact] = await post<{ id: string }[]>(agent, '/rest/v1/contacts', { name: 'Ana' })
    const [conversation] = await post<{ id: string }[]>(agent, '/rest/v1/conversations', {
      contact_id: contact?.id,
      subject: 'Refund',
    })
    const [message] = await post<{ id: string }[]>(agent, '/rest/v1/messages', {
      conversation_id: conversation?.id,
      content: 'Hi, a refund please',
    })
    return { contact, conversation, message }
  }
  /** Dispatches the outbox and runs every due job. */
  const deliver = async () => {
    await t.outbox.kick()
    await t.queue.drain()
  }
  const deliveries = async (webhookId: string) =>
    json<Delivery[]>(
      await t.request(
        'GET',
        `/rest/v1/webhook_deliveries?webhook_id=eq.${webhookId}&order=created_at,attempt`,
        {
          token: owner,
        },
      ),
      200,
    )
  return { owner, agent, post, json, endpoint, conversationWithMessage, deliver, deliveries }
}

/**
 * Verifies a received request as a receiver would; returns its body. The receiver's clock reads the host's
 * (moved) time, since the library refuses timestamps five minutes off its own.
 */
function verified(request: ReceivedRequest, secret: string, format?: 'raw'): Body {
  const webhook = format ? new Webhook(secret, { format }) : new Webhook(secret)
  vi.useFakeTimers({ toFake: ['Date'], now: t.clock.now() })
  try {
    return webhook.verify(request.body, request.headers) as Body
  } finally {
    vi.useRealTimers()
  }
}

describe('webhook delivery', () => {
  it('a message written by an agent reaches a subscribed endpoint, signed, with the Standard Webhooks headers', async () => {
    const { endpoint, conversationWithMessage, deliver, deliveries } = await setup()
    const { id, secret } = await endpoint({ events: ['message.created'] })
    const { message, conversation } = await conversationWithMessage()
    await deliver()
    expect(receiver.requests).toHaveLength(1)
    const [request] = receiver.requests as [ReceivedRequest]
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers['user-agent']).toMatch(/^ConnectGain-Webhooks\//)
    expect(request.headers['webhook-id']).toMatch(/^whm_/)
    const body = verified(request, secret)
    expect(body).toMatchObject({
      type: 'message.created',
      data: { id: message?.id, conversation_id: conversation?.id, content: 'Hi, a refund please' },
    })
    expect(Object.keys(body).sort()).toEqual(['data', 'timestamp', 'type'])
    expect(await deliveries(id)).toEqual([
      expect.objectContaining({ attempt: 1, status_code: 200, error: null, event_type: 'message.created' }),
    ])
  })

  it("'*' receives every event; resolving a conversation sends updated and resolved; other orgs' endpoints get nothing", async () => {
    const { endpoint, conversationWithMessage, deliver, agent } = await setup()
    const { secret } = await endpoint({ events: ['*'] })
    const other = await startReceiver()
    try {
      await t.request('POST', '/rest/v1/webhook_configurations', {
        token: t.orgB.tokens.owner,
        body: { url: `${other.url}/b`, events: ['*'] },
      })
      const { conversation } = await conversationWithMessage()
      await t.request('PATCH', `/rest/v1/conversations?id=eq.${conversation?.id}`, {
        token: agent,
        body: { status: 'resolved' },
      })
      await deliver()
      const types = receiver.requests.map((r) => verified(r, secret).type)
      expect(types.sort()).toEqual(
        [
          'contact.created',
          'conversation.created',
          'conversation.resolved',
          'conversation.updated',
          'message.created',
        ].sort(),
      )
      expect(other.requests).toEqual([])
    } finally {
      await other.close()
    }
  })

  it('an org without an enabled endpoint records no event at all', async () => {
    const { conversationWithMessage } = await setup()
    await conversationWithMessage()
    expect(await t.db.select().from(webhookMessages)).toEqual([])
  })

  it('retries on the schedule (a moved clock), with the same webhook-id, until the endpoint answers 2xx', async () => {
    const { endpoint, conversationWithMessage, deliver, deliveries } = await setup()
    const { id, secret } = await endpoint({ events: ['message.created'] })
    let calls = 0
    receiver.respondWith(() => (++calls <= 2 ? { status: 500, body: 'down' } : { status: 204 }))
    await conversationWithMessage()
    /** Each attempt's request verifies at the time it was sent. */
    const lastVerified = () => verified(receiver.requests.at(-1) as ReceivedRequest, secret).type
    await deliver()
    expect(receiver.requests).toHaveLength(1)
    expect(lastVerified()).toBe('message.created')
    await t.queue.drain() // not due yet
    expect(receiver.requests).toHaveLength(1)
    t.clock.advance(6_000) // 5 s ± 10%
    await t.queue.drain()
    expect(receiver.requests).toHaveLength(2)
    expect(lastVerified()).toBe('message.created')
    t.clock.advance(331_000) // 5 min ± 10%
    await t.queue.drain()
    expect(receiver.requests).toHaveLength(3)
    expect(lastVerified()).toBe('message.created')
    const ids = new Set(receiver.requests.map((r) => r.headers['webhook-id']))
    expect(ids.size).toBe(1)
    expect((await deliveries(id)).map((d) => [d.attempt, d.status_code])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ])
    expect((await deliveries(id))[0]?.response_body).toBe('down')
    expect(await t.db.select().from(jobs)).toEqual([])
  })

  it('WEBHOOK_RETRY_SCHEDULE shortens the schedule; a job out of attempts is recorded dead', async () => {
    const { endpoint, conversationWithMessage, deliver } = await setup({ WEBHOOK_RETRY_SCHEDULE: [1, 1] })
    await endpoint({ events: ['message.created'] })
    receiver.respondWith(() => ({ status: 503 }))
    await conversationWithMessage()
    await deliver()
    for (let i = 0; i < 2; i++) {
      t.clock.advance(2_000)
      await t.queue.drain()
    }
    expect(receiver.requests).toHaveLength(3)
    const [dead] = await t.db.select().from(jobFailures)
    expect(dead).toMatchObject({ kind: 'webhook.deliver', status: 'dead', attempts: 3 })
  })

  it("honours the endpoint's Retry-After (capped), then a 410 disables the endpoint", async () => {
    const { endpoint, conversationWithMessage, deliver } = await setup()
    const { id } = await endpoint({ events: ['message.created'] })
    receiver.respondWith(() => ({ status: 429, headers: { 'Retry-After': '120' } }))
    await conversationWithMessage()
    await deliver()
    const [job] = await t.db.select().from(jobs)
    expect(Date.parse(String(job?.run_at)) - t.clock.now().getTime()).toBe(120_000)
    receiver.respondWith(() => ({ status: 410 }))
    t.clock.advance(120_000)
    await t.queue.drain()
    const [row] = await t.db.select().from(webhookConfigurations).where(eq(webhookConfigurations.id, id))
    expect(row).toMatchObject({ enabled: false, disabled_reason: expect.stringMatching(/410/) })
    expect(await t.db.select().from(jobs)).toEqual([])
    expect(await t.db.select().from(jobFailures)).toEqual([])
  })

  it('an endpoint with no success for 5 days is disabled with a reason; enabling it clears the reason', async () => {
    const { endpoint, post, owner } = await setup()
    const { id } = await endpoint({ events: ['message.created'] })
    receiver.respondWith(() => ({ status: 500 }))
    const first = await post<Delivery>(owner, '/functions/v1/test-webhook', { id }, 200)
    expect(first).toMatchObject({ status_code: 500, error: expect.stringMatching(/500/) })
    t.clock.advance(5 * 24 * 3600_000)
    const key = t.orgA.apiKey // the session token has expired; an API key has not
    await post<Delivery>(key, '/functions/v1/redeliver-webhook', { delivery_id: first.id }, 200)
    const [disabled] = await t.db.select().from(webhookConfigurations).where(eq(webhookConfigurations.id, id))
    expect(disabled).toMatchObject({ enabled: false, disabled_reason: expect.stringMatching(/5 days/) })
    const patched = await t.request('PATCH', `/rest/v1/webhook_configurations?id=eq.${id}`, {
      token: key,
      body: { enabled: true },
    })
    expect(patched.status, await patched.text()).toBe(204)
    const [enabled] = await t.db.select().from(webhookConfigurations).where(eq(webhookConfigurations.id, id))
    expect(enabled).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null })
  })

  it('a redirect is not followed: one request, a failed attempt that says why', async () => {
    const { endpoint, post, owner } = await setup()
    const { id } = await endpoint({ events: ['*'] })
    receiver.respondWith((r) =>
      r.path === '/hook' ? { status: 302, headers: { Location: '/elsewhere' } } : {},
    )
    const attempt = await post<Delivery>(owner, '/functions/v1/test-webhook', { id }, 200)
    expect(attempt).toMatchObject({
      status_code: 302,
      error: expect.stringMatching(/Redirects are not followed/),
    })
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook'])
  })

  it('during a rotation each delivery carries both signatures; each secret verifies it alone', async () => {
    const { endpoint, post, owner } = await setup()
    const { id, secret: old } = await endpoint({ events: ['*'] })
    const { secret: current } = await post<{ secret: string }>(
      owner,
      '/functions/v1/rotate-webhook-secret',
      { id },
      200,
    )
    await post<Delivery>(owner, '/functions/v1/test-webhook', { id }, 200)
    const [request] = receiver.requests as [ReceivedRequest]
    expect(request.headers['webhook-signature']?.split(' ')).toHaveLength(2)
    expect(verified(request, old).type).toBe('webhook.test')
    expect(verified(request, current).type).toBe('webhook.test')
    t.clock.advance(24 * 3600_000 + 1000)
    await post<Delivery>(t.orgA.apiKey, '/functions/v1/test-webhook', { id }, 200)
    const later = receiver.requests[1] as ReceivedRequest
    expect(later.headers['webhook-signature']?.split(' ')).toHaveLength(1)
    expect(() => verified(later, old)).toThrow()
    expect(verified(later, current).type).toBe('webhook.test')
  })

  it('a secret the user typed signs as raw bytes, as DESIGN.md says', async () => {
    const { endpoint, post, owner } = await setup()
    const typed = 'correct-horse-battery-staple'
    const { id, secret } = await endpoint({ events: ['*'], secret: typed })
    expect(secret).toBe(typed)
    await post<Delivery>(owner, '/functions/v1/test-webhook', { id }, 200)
    expect(verified(receiver.requests[0] as ReceivedRequest, typed, 'raw').data).toEqual({
      webhook_id: id,
      message: 'This is a test event from ConnectGain.',
    })
  })

  it('test-webhook answers the attempt at once; redeliver sends the same webhook-id again as the next attempt', async () => {
    const { endpoint, post, owner, deliveries } = await setup()
    const { id } = await endpoint({ events: ['*'] })
    receiver.respondWith(() => ({ status: 200, body: '{"received":true}' }))
    const attempt = await post<Delivery>(owner, '/functions/v1/test-webhook', { id }, 200)
    expect(attempt).toMatchObject({
      attempt: 1,
      status_code: 200,
      response_body: '{"received":true}',
      error: null,
    })
    const again = await post<Delivery>(
      owner,
      '/functions/v1/redeliver-webhook',
      { delivery_id: attempt.id },
      200,
    )
    expect(again).toMatchObject({ attempt: 2, message_id: attempt.message_id })
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([
      attempt.message_id,
      attempt.message_id,
    ])
    expect(await deliveries(id)).toHaveLength(2)
  })

  it("an agent cannot test or redeliver; another org's delivery is 404", async () => {
    const { endpoint, post, owner } = await setup()
    const { id } = await endpoint({ events: ['*'] })
    const attempt = await post<Delivery>(owner, '/functions/v1/test-webhook', { id }, 200)
    const agentTest = await t.request('POST', '/functions/v1/test-webhook', {
      token: t.orgA.tokens.agent,
      body: { id },
    })
    expect(agentTest.status).toBe(403)
    const foreign = await t.request('POST', '/functions/v1/redeliver-webhook', {
      token: t.orgB.tokens.owner,
      body: { delivery_id: attempt.id },
    })
    expect(foreign.status).toBe(404)
    expect(receiver.requests).toHaveLength(1)
  })
})
