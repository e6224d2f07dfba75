/**
 * @module Pushes on new messages and conversations, through the app, the outbox and the table queue, to a push
 * service on 127.0.0.1: who gets one (the rule in push/outbox.ts), preferences honoured, each payload decrypted as
 * the browser would; a gone device deleted, a 429 or 5xx retried on the schedule, a 400 dead at once.
 */
import { jobFailures, jobs, pushOutbox, pushSubscriptions } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import {
  createTestSubscriber,
  type FakePushService,
  startPushService,
  type TestSubscriber,
} from '../../test-utils/push-service.ts'
import { PUSH_JOB } from './outbox.ts'

let t: TestContext
let service: FakePushService
afterEach(async () => {
  await service?.close()
  t?.close()
})

interface Device {
  id: string
  subscriber: TestSubscriber
}

async function setup() {
  t = await createTestContext()
  service = await startPushService()
  const { tokens, userIds, apiKey } = t.orgA
  const devices = new Map<string, Device>()

  const post = async <T>(token: string, path: string, body: unknown, status = 201): Promise<T> => {
    const res = await t.request('POST', path, { token, body, headers: { Prefer: 'return=representation' } })
    expect(res.status, await res.clone().text()).toBe(status)
    return (await res.json()) as T
  }
  /** Subscribes a device named `name` for the member behind `token`. */
  const subscribe = async (token: string, name: string) => {
    const subscriber = createTestSubscriber()
    const [row] = await post<{ id: string }[]>(token, '/rest/v1/push_subscriptions', {
      endpoint: service.endpoint(name),
      expirationTime: null,
      keys: subscriber.keys,
      device_label: name,
    })
    devices.set(name, { id: String(row?.id), subscriber })
  }
  const savePrefs = async (token: string, prefs: Record<string, boolean>) => {
    const res = await t.request('POST', '/rest/v1/notification_preferences?on_conflict=user_id', {
      token,
      body: prefs,
      headers: { Prefer: 'resolution=merge-duplicates' },
    })
    expect(res.status, await res.clone().text()).toBeLessThan(300)
  }
  const conversation = async (token: string, body: Record<string, unknown> = {}) => {
    const [contact] = await post<{ id: string }[]>(apiKey, '/rest/v1/contacts', { name: 'Ana' })
    const [row] = await post<{ id: string }[]>(token, '/rest/v1/conversations', {
      contact_id: contact?.id,
      subject: 'Refund',
      ...body,
    })
    return String(row?.id)
  }
  const message = (token: string, conversationId: string, content: string, direction = 'incoming') =>
    post(token, '/rest/v1/messages', { conversation_id: conversationId, content, direction })

  /** Dispatches the outboxes and runs every due job; returns what each device received since the last call. */
  let seen = 0
  const received = async () => {
    await t.outbox.kick()
    await t.queue.drain()
    const fresh = service.requests.slice(seen)
    seen = service.requests.length
    return fresh.map((request) => {
      const name = request.path.split('/').pop() ?? ''
      const device = devices.get(name)
      if (!device) throw new Error(`a push to an unknown device ${name}`)
      return {
        device: name,
        headers: request.headers,
        ...JSON.parse(device.subscriber.decrypt(request.body)),
      }
    })
  }
  return { tokens, userIds, apiKey, devices, subscribe, savePrefs, conversation, message, received }
}

describe('pushes on new messages', () => {
  it("a new message reaches every device of the conversation's assignee, and nobody else's", async () => {
    const s = await setup()
    await s.subscribe(s.tokens.agent, 'agent-phone')
    await s.subscribe(s.tokens.agent, 'agent-laptop')
    await s.subscribe(s.tokens.admin, 'admin-phone')
    // Another org's agent, subscribed too, never hears of org A's messages.
    const otherService = service
    const other = createTestSubscriber()
    const theirs = await t.request('POST', '/rest/v1/push_subscriptions', {
      token: t.orgB.tokens.agent,
      body: { endpoint: otherService.endpoint('other-org'), expirationTime: null, keys: other.keys },
    })
    expect(theirs.status).toBe(201)

    const id = await s.conversation(s.tokens.admin, { assignee_id: s.userIds.agent })
    await s.received() // the assignment's push: the next test's business
    await s.message(s.apiKey, id, 'Hi, I was charged twice for my order and would like a refund please')

    const pushes = await s.received()
    expect(pushes.map((p) => p.device).sort()).toEqual(['agent-laptop', 'agent-phone'])
    for (const push of pushes) {
      expect(push).toMatchObject({
        title: 'New message',
        body: 'Hi, I was charged twice for my order and would like a refund please',
        url: `/?conversation=${id}`,
        tag: `cg-conversation-${id}`,
      })
      expect(push.headers).toMatchObject({
        'content-encoding': 'aes128gcm',
        ttl: String(12 * 3600),
        urgency: 'high',
        topic: id,
      })
      expect(push.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/)
      expect(Object.keys(push).sort()).toEqual(['body', 'device', 'headers', 'tag', 'title', 'url'])
    }
  })

  it('the writer is never notified; a teammate’s reply is; an unassigned conversation notifies nobody', async () => {
    const s = await setup()
    await s.subscribe(s.tokens.agent, 'agent-phone')
    const id = await s.conversation(s.tokens.agent, { assignee_id: s.userIds.agent })
    expect(await s.received()).toEqual([]) // assigned to themselves by themselves
    await s.message(s.tokens.agent, id, 'On it', 'outgoing')
    expect(await s.received()).toEqual([])
    await s.message(s.tokens.admin, id, 'I refunded it', 'outgoing')
    expect(await s.received()).toMatchObject([{ device: 'agent-phone', title: 'New reply from your team' }])

    const unassigned = await s.conversation(s.tokens.admin)
    await s.message(s.apiKey, unassigned, 'Anyone there?')
    expect(await s.received()).toEqual([])
  })

  it('honours preferences: notifications off, or new messages off, sends nothing; on again, it sends', async () => {
    const s = await setup()
    await s.subscribe(s.tokens.agent, 'agent-phone')
    await s.savePrefs(s.tokens.agent, { conversation_assigned_to_me: false })
    const id = await s.conversation(s.tokens.admin, { assignee_id: s.userIds.agent })
    expect(await s.received()).toEqual([])

    await s.savePrefs(s.tokens.agent, { enabled: false })
    await s.message(s.apiKey, id, 'one')
    expect(await s.received()).toEqual([])
    await s.savePrefs(s.tokens.agent, { enabled: true, new_message_in_my_conversations: false })
    await s.message(s.apiKey, id, 'two')
    expect(await s.received()).toEqual([])
    await s.savePrefs(s.tokens.agent, { new_message_in_my_conversations: true })
    await s.message(s.apiKey, id, 'three')
    expect(await s.received()).toMatchObject([{ device: 'agent-phone', body: 'three' }])
  })
})

describe('pushes on new and reassigned conversations', () => {
  it('the assignee hears of a new conversation, and of a reassignment; members who asked hear of every new one, once', async () => {
    const s = await setup()
    await s.subscribe(s.tokens.agent, 'agent-phone')
    await s.subscribe(s.tokens.owner, 'owner-phone')
    await s.subscribe(s.tokens.project_manager, 'pm-phone')
    await s.savePrefs(s.tokens.owner, { all_new_conversations: true })
    // The agent asked for every new conversation too: still one push for one assigned to them.
    await s.savePrefs(s.tokens.agent, { all_new_conversations: true })

    const id = await s.conversation(s.tokens.admin, {
      assignee_id: s.userIds.agent,
      subject: 'Broken invoice',
    })
    const pushes = await s.received()
    expect(pushes.map((p) => [p.device, p.title, p.body]).sort()).toEqual([
      ['agent-phone', 'Conversation assigned to you', 'Broken invoice'],
      ['owner-phone', 'New conversation', 'Broken invoice'],
    ])

    const patch = (body: unknown) =>
      t.request('PATCH', `/rest/v1/conversations?id=eq.${id}`, { token: s.tokens.admin, body })
    expect((await patch({ status: 'pending' })).status).toBe(204)
    expect(await s.received()).toEqual([]) // not a reassignment
    expect((await patch({ assignee_id: s.userIds.project_manager })).status).toBe(204)
    expect(await s.received()).toMatchObject([{ device: 'pm-phone', title: 'Conversation assigned to you' }])
  })
})

describe('the push service answers', () => {
  it('404/410: the device is deleted, the job done; other devices are untouched', async () => {
    const s = await setup()
    await s.subscribe(s.tokens.agent, 'agent-phone')
    await s.subscribe(s.tokens.agent, 'agent-laptop')
    const id = await s.conversation(s.tokens.admin, { assignee_id: s.userIds.agent })
    await s.received()
    service.script({ status: 410 }, { status: 201 })
    await s.message(s.apiKey, id, 'hello')
    expect(await s.received()).toHaveLength(2)
    const left = await t.db.select({ id: pushSubscriptions.id }).from(pushSubscriptions)
    expect(left).toHaveLength(1)
    expect(await t.db.select().from(jobs)).toEqual([])
    expect(await t.db.select().from(pushOutbox)).toEqual([])
  })

  it('429 waits for Retry-After, 5xx follows the schedule, and the push arrives; a 400 is dead at once', async () => {
    const s = await setup()
    await s.subscribe(s.tokens.agent, 'agent-phone')
    const id = await s.conversation(s.tokens.admin, { assignee_id: s.userIds.agent })
    await s.received()

    service.script({ status: 429, headers: { 'retry-after': '30' } }, { status: 503 }, { status: 201 })
    await s.message(s.apiKey, id, 'again')
    expect(await s.received()).toHaveLength(1) // the 429
    t.clock.advance(29_000)
    expect(await s.received()).toHaveLength(0)
    t.clock.advance(1_000)
    expect(await s.received()).toHaveLength(1) // the 503; next in 60 s (retry 2)
    t.clock.advance(59_000)
    expect(await s.received()).toHaveLength(0)
    t.clock.advance(1_000)
    expect(await s.received()).toMatchObject([{ body: 'again' }])
    expect(await t.db.select().from(jobs)).toEqual([])

    service.script({ status: 400, body: 'BadJwtToken' })
    await s.message(s.apiKey, id, 'bad keys')
    expect(await s.received()).toHaveLength(1)
    const dead = await t.db.select().from(jobFailures).where(eq(jobFailures.kind, PUSH_JOB))
    expect(dead).toMatchObject([{ status: 'dead', attempts: 1 }])
    expect(dead[0]?.last_error).toMatch(/answered 400.*BadJwtToken/)
    expect(await t.db.select().from(pushSubscriptions)).toHaveLength(1) // not gone: kept
  })
})
