/**
 * @module Pushes on the Worker host: a new conversation and a new message go through the push outbox and the JOBS
 * queue to Miniflare's consumer, which sends them encrypted to the assignee's device; a 5xx is retried on the push
 * schedule and a 410 deletes the device. The push service is a third party: its `fetch` is intercepted here.
 */
import { env } from 'cloudflare:test'
import type { JobMessage } from '@connectgain/contracts'
import { pushSubscriptions } from '@connectgain/db'
import { openWorkerDb } from '@connectgain/db/worker'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Env } from '../../hosts/worker-host.ts'
import { webCryptoSubscriber } from '../../test-utils/web-push-subscriber.ts'
import { consumeOnce, heldQueue, interceptOrigin, workerApp } from '../../test-utils/worker-app.ts'
import { PUSH_JOB } from './outbox.ts'

const PUSH_SERVICE = 'https://push.service.example'
const db = openWorkerDb(env)

// Only the third party's origin is answered here; any other request goes out as usual.
const thirdParty = interceptOrigin(PUSH_SERVICE, () => new Response(null, { status: 201 }))

/** An org of its own with an agent subscribed on one device, and an admin who writes. */
async function orgWithDevice(hostEnv: Env, slug: string) {
  const { call } = await workerApp(hostEnv)
  const session = (role: string) =>
    call<{ access_token: string; user_id: string }>(
      '/functions/v1/dev/session',
      null,
      { role, org_slug: slug },
      200,
    )
  const agent = await session('agent')
  const admin = (await session('admin')).access_token
  const device = await webCryptoSubscriber()
  const [subscription] = await call<{ id: string }[]>(
    '/rest/v1/push_subscriptions',
    agent.access_token,
    { endpoint: `${PUSH_SERVICE}/${slug}`, expirationTime: null, keys: device.keys },
    201,
  )
  const [contact] = await call<{ id: string }[]>('/rest/v1/contacts', admin, { name: 'Ana' }, 201)
  const assignedConversation = async (subject: string) =>
    (
      await call<{ id: string }[]>(
        '/rest/v1/conversations',
        admin,
        { contact_id: contact?.id, subject, assignee_id: agent.user_id },
        201,
      )
    )[0]?.id ?? ''
  const message = (conversationId: string, content: string) =>
    call('/rest/v1/messages', admin, { conversation_id: conversationId, content, direction: 'incoming' }, 201)
  return { device, subscriptionId: subscription?.id ?? '', assignedConversation, message }
}

describe('pushes on the Worker host', () => {
  it('a new assigned conversation and its first message reach the assignee’s device through the JOBS queue', {
    timeout: 20_000,
  }, async () => {
    const { device, assignedConversation, message } = await orgWithDevice(env, 'push-queue-ok')
    const id = await assignedConversation('Refund')
    await message(id, 'Where is my refund?')

    for (let i = 0; i < 150 && thirdParty.requests.length < 2; i++)
      await new Promise((r) => setTimeout(r, 100))
    expect(thirdParty.requests).toHaveLength(2)
    const payloads = await Promise.all(
      thirdParty.requests.map(async (p) => JSON.parse(await device.decrypt(p.body))),
    )
    expect(payloads.map((p) => p.title).sort()).toEqual(['Conversation assigned to you', 'New message'])
    expect(payloads.find((p) => p.title === 'New message')).toEqual({
      title: 'New message',
      body: 'Where is my refund?',
      url: `/?conversation=${id}`,
      tag: `cg-conversation-${id}`,
    })
    for (const push of thirdParty.requests) {
      expect(push.url).toBe(`${PUSH_SERVICE}/push-queue-ok`)
      expect(push.headers).toMatchObject({ 'content-encoding': 'aes128gcm', urgency: 'high', topic: id })
    }
  })

  it('a 5xx is retried on the push schedule; a 410 deletes the device and ends the job', async () => {
    const { sent, binding } = heldQueue()
    const { subscriptionId, assignedConversation } = await orgWithDevice(
      { ...env, JOBS: binding },
      'push-queue-fail',
    )
    await assignedConversation('Refund')
    expect(sent).toMatchObject([{ kind: PUSH_JOB, payload: { subscription_id: subscriptionId } }])
    const job = sent[0] as JobMessage

    thirdParty.answer = () => new Response('busy', { status: 503 })
    const first = await consumeOnce('cg-jobs', job, 1)
    expect(first.retryMessages).toEqual([{ msgId: 'msg-1' }])
    expect(first.delay).toBe(10)

    thirdParty.answer = () => new Response('gone', { status: 410 })
    const second = await consumeOnce('cg-jobs', job, 2)
    expect(second.retryMessages).toEqual([])
    expect(second.explicitAcks).toEqual(['msg-2'])
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId))).toEqual(
      [],
    )
    expect(thirdParty.requests).toHaveLength(2)
  })
})
