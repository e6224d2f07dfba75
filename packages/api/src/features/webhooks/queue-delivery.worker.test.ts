/**
 * @module Webhook delivery on the Worker host: a REST write's event goes through the JOBS queue to the consumer, which
 * sends it signed and logs the attempt; a permanently failing endpoint is retried on schedule and ends recorded dead.
 * The receiver is a third party: its `fetch` is intercepted in this isolate, everything of ours runs for real.
 */
import { env } from 'cloudflare:test'
import type { JobMessage } from '@connectgain/contracts'
import { jobFailures, webhookDeliveries } from '@connectgain/db'
import { openWorkerDb } from '@connectgain/db/worker'
import { eq } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import type { Env } from '../../hosts/worker-host.ts'
import { DEAD_LETTER_QUEUE } from '../../jobs/cloudflare-queue.ts'
import {
  consumeOnce,
  heldQueue,
  interceptOrigin,
  workerApp as workerAppOver,
} from '../../test-utils/worker-app.ts'
import { DELIVER_JOB } from './dispatch.ts'

const RECEIVER = 'https://hooks.receiver.example'
const db = openWorkerDb(env)

// Only the third party's origin is answered here; any other request goes out as usual.
const thirdParty = interceptOrigin(RECEIVER, () => new Response('ok'))

/** The Worker host's app over `hostEnv`, and an org with an endpoint on the receiver. */
async function workerApp(hostEnv: Env) {
  const { call } = await workerAppOver(hostEnv)
  /** An org of its own (so no other test's endpoint receives its events), an endpoint on the receiver, its secret. */
  const orgWithEndpoint = async (slug: string, path: string) => {
    const session = (role: string) =>
      call<{ access_token: string }>('/functions/v1/dev/session', null, { role, org_slug: slug }, 200)
    const owner = (await session('owner')).access_token
    const agent = (await session('agent')).access_token
    const [endpoint] = await call<{ id: string }[]>(
      '/rest/v1/webhook_configurations',
      owner,
      { url: `${RECEIVER}${path}`, events: ['contact.created'] },
      201,
    )
    const id = endpoint?.id ?? ''
    const { secret } = await call<{ secret: string }>(
      '/functions/v1/reveal-webhook-secret',
      owner,
      { id },
      200,
    )
    const createContact = async (name: string) =>
      (await call<{ id: string }[]>('/rest/v1/contacts', agent, { name }, 201))[0]?.id ?? ''
    return { endpointId: id, secret, createContact }
  }
  return { orgWithEndpoint }
}

const deliveriesOf = (webhookId: string) =>
  db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhook_id, webhookId))

describe('webhook delivery on the Worker host', () => {
  it('sends a write’s event through the JOBS queue; the consumer delivers it signed and logs the attempt', {
    timeout: 20_000,
  }, async () => {
    const { orgWithEndpoint } = await workerApp(env)
    const { endpointId, secret, createContact } = await orgWithEndpoint('queue-delivery-ok', '/ok')
    const contactId = await createContact('Queued Quinn')

    // Miniflare's consumer of cg-jobs (wrangler.toml: batches of up to 10, at most 5 s) runs the Worker's `queue`.
    let deliveries: Awaited<ReturnType<typeof deliveriesOf>> = []
    for (let i = 0; i < 150 && deliveries.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100))
      deliveries = await deliveriesOf(endpointId)
    }
    expect(deliveries).toMatchObject([
      { event_type: 'contact.created', attempt: 1, status_code: 200, response_body: 'ok', error: null },
    ])
    expect(thirdParty.requests).toHaveLength(1)
    const [request] = thirdParty.requests
    expect(request?.url).toBe(`${RECEIVER}/ok`)
    expect(request?.headers['webhook-id']).toBe(deliveries[0]?.message_id)
    const verified = new Webhook(secret).verify(request?.text ?? '', request?.headers ?? {}) as {
      type: string
      data: { id: string }
    }
    expect(verified).toMatchObject({ type: 'contact.created', data: { id: contactId } })
  })

  it('retries a failing endpoint on schedule, records the last attempt dead, and the DLQ consumer keeps it dead', async () => {
    // The producer side for real, with the messages held here so that the test, not Miniflare, runs the consumer.
    const { sent, binding } = heldQueue()
    const { orgWithEndpoint } = await workerApp({ ...env, JOBS: binding })
    const { endpointId, createContact } = await orgWithEndpoint('queue-delivery-fail', '/down')
    thirdParty.answer = () => new Response('down for good', { status: 503 })
    await createContact('Failing Fiona')
    expect(sent).toMatchObject([{ kind: DELIVER_JOB, payload: { webhook_id: endpointId } }])
    const job = sent[0] as JobMessage

    const consume = (queue: string, attempts: number) => consumeOnce(queue, job, attempts)
    const failure = async () => (await db.select().from(jobFailures).where(eq(jobFailures.id, job.id)))[0]

    const firstTry = await consume('cg-jobs', 1)
    expect(firstTry.retryMessages).toEqual([{ msgId: 'msg-1' }])
    expect(firstTry.delay).toBeGreaterThanOrEqual(4) // 5 s, ±10% jitter
    expect(firstTry.delay).toBeLessThanOrEqual(6)
    expect(await failure()).toMatchObject({ kind: DELIVER_JOB, status: 'retrying', attempts: 1 })

    // The seventh attempt waits the schedule's last 10 h; the eighth (max_retries = 7) is the last one.
    const seventh = await consume('cg-jobs', 7)
    expect(seventh.retryMessages).toEqual([{ msgId: 'msg-7' }])
    expect(seventh.delay).toBeGreaterThanOrEqual(32_400)
    expect(seventh.delay).toBeLessThanOrEqual(39_600)
    const last = await consume('cg-jobs', 8)
    expect(last.retryMessages).toEqual([])
    expect(last.explicitAcks).toEqual(['msg-8'])
    expect(await failure()).toMatchObject({ kind: DELIVER_JOB, status: 'dead', attempts: 8 })
    expect((await failure())?.last_error).toContain('HTTP 503')

    // A delivery that reaches the dead letter queue (a consumer that crashed on every try) is recorded dead too.
    const dead = await consume(DEAD_LETTER_QUEUE, 1)
    expect(dead.explicitAcks).toEqual(['msg-1'])
    expect(await failure()).toMatchObject({
      kind: DELIVER_JOB,
      status: 'dead',
      attempts: 8,
      payload: job.payload,
    })

    // Every attempt the consumer made is in the delivery log, with what the endpoint said.
    const log = await deliveriesOf(endpointId)
    expect(log.map((d) => d.attempt).sort()).toEqual([1, 7, 8])
    expect(log.every((d) => d.status_code === 503 && d.response_body === 'down for good')).toBe(true)
    expect(thirdParty.requests).toHaveLength(3)
  })
})
