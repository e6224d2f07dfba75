/**
 * @module Issue [D] on the real Node host: killed (SIGKILL) with deliveries in flight and restarted on the same data
 * directory, it still delivers every event; nothing is lost, and a duplicate carries the same `webhook-id`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jobs, webhookMessages } from '@connectgain/db'
import { openDb } from '@connectgain/db/client'
import { Webhook } from 'standardwebhooks'
import { afterAll, describe, expect, it } from 'vitest'
import { devSession, hostCall, type NodeHost, startNodeHost, until } from '../../test-utils/node-host.ts'
import { type ReceivedRequest, type Receiver, startReceiver } from '../../test-utils/receiver.ts'

const EVENTS = 5
/** The table queue's lease brings back a job claimed by the killed process; the rest is start-up and polling. */
const LEASE = { JOB_LEASE_SECONDS: '20' }
const REDELIVERY_LIMIT_MS = 60_000

const hosts: NodeHost[] = []
let receiver: Receiver | undefined
let dataDir: string | undefined
afterAll(async () => {
  for (const host of hosts) await host.stop('SIGKILL')
  await receiver?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const call = hostCall
const session = async (host: NodeHost, role: 'owner' | 'agent') => (await devSession(host, role)).access_token

const webhookId = (request: ReceivedRequest) => request.headers['webhook-id'] ?? ''

describe('webhooks across a crash of the Node host', () => {
  it('delivers every event after a SIGKILL mid-delivery and a restart; a duplicate has the same webhook-id', {
    timeout: 150_000,
  }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cg-crash-'))
    // Until the crash every delivery hangs: it is in flight when the host dies.
    receiver = await startReceiver(() => ({ hang: true }))
    const first = await startNodeHost(dataDir, LEASE)
    hosts.push(first)
    const owner = await session(first, 'owner')
    const agent = await session(first, 'agent')
    const [endpoint] = await call<{ id: string }[]>(
      first,
      '/rest/v1/webhook_configurations',
      owner,
      { url: `${receiver.url}/hook`, events: ['*'] },
      201,
    )
    const { secret } = await call<{ secret: string }>(
      first,
      '/functions/v1/reveal-webhook-secret',
      owner,
      { id: endpoint?.id },
      200,
    )
    const contactIds: string[] = []
    for (let i = 0; i < EVENTS; i++) {
      const [contact] = await call<{ id: string }[]>(
        first,
        '/rest/v1/contacts',
        agent,
        { name: `Crash ${i}`, email: `crash-${i}@example.com` },
        201,
      )
      contactIds.push(contact?.id ?? '')
    }
    await until('a delivery in flight', () => receiver?.requests.length !== 0, 15_000, first)

    await first.stop('SIGKILL')
    const hungRequests = receiver.requests.length
    receiver.respondWith(() => ({ status: 200 }))
    const second = await startNodeHost(dataDir, LEASE)
    hosts.push(second)

    const answered = () => new Set(receiver?.requests.slice(hungRequests).map(webhookId))
    await until(
      `${EVENTS} distinct webhook-ids answered 200`,
      () => answered().size >= EVENTS,
      REDELIVERY_LIMIT_MS,
      second,
    )

    // Every request, the hung ones included, is signed with the endpoint's secret.
    const wh = new Webhook(secret)
    const byId = new Map<string, string[]>()
    for (const request of receiver.requests) {
      expect(() => wh.verify(request.body, request.headers)).not.toThrow()
      byId.set(webhookId(request), [...(byId.get(webhookId(request)) ?? []), request.body])
    }
    expect(byId.size).toBe(EVENTS)
    expect(answered().size).toBe(EVENTS)
    // A duplicate is the same message: the same webhook-id carries the same body.
    for (const bodies of byId.values()) expect(new Set(bodies).size).toBe(1)
    const events = [...byId.values()].map((bodies) => JSON.parse(bodies[0] ?? '{}'))
    expect(events.map((e) => e.type)).toEqual(Array(EVENTS).fill('contact.created'))
    expect(events.map((e) => e.data.id).sort()).toEqual([...contactIds].sort())

    // The delivery log has a success for each message.
    const ownerAgain = await session(second, 'owner')
    await until(
      'a logged success for every message',
      async () => {
        const res = await fetch(
          `${second.url}/rest/v1/webhook_deliveries?select=message_id,status_code&webhook_id=eq.${endpoint?.id}`,
          { headers: { authorization: `Bearer ${ownerAgain}` } },
        )
        const rows = (await res.json()) as { message_id: string; status_code: number | null }[]
        const ok = new Set(rows.filter((r) => r.status_code === 200).map((r) => r.message_id))
        return [...byId.keys()].every((id) => ok.has(id))
      },
      10_000,
      second,
    )

    // Nothing left behind: no job row, no undispatched message (read after a graceful stop).
    await second.stop('SIGTERM')
    const { db, close } = await openDb(`file:${join(dataDir, 'connectgain.db')}`)
    try {
      expect(await db.select().from(jobs)).toEqual([])
      const messages = await db.select().from(webhookMessages)
      expect(messages.map((m) => m.id).sort()).toEqual([...byId.keys()].sort())
      expect(messages.filter((m) => m.dispatched_at === null)).toEqual([])
    } finally {
      close()
    }
  })
})
