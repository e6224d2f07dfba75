/** @module The Worker's queue path in workerd: producer → consumer → retry schedule → dead letter queue → record. */

import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
} from 'cloudflare:test'
import type { JobMessage } from '@connectgain/contracts'
import { jobFailures } from '@connectgain/db'
import { openWorkerDb } from '@connectgain/db/worker'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../app.ts'
import { systemClock } from '../clock.ts'
import worker from '../hosts/worker.ts'
import { CloudflareQueue, consumeJobs, DEAD_LETTER_QUEUE } from './cloudflare-queue.ts'
import type { JobContext, JobHandlers } from './job.ts'

const db = openWorkerDb(env)
const config = parseConfig(env as never)
if (!config.ok) throw new Error(config.errors.join('; '))
const ctx: JobContext = { db, clock: systemClock, config: config.config }

let n = 0
const message = (kind: string, attempts = 1, payload: unknown = { n: ++n }) => {
  const body: JobMessage = { id: `job_test${++n}`, kind, payload, created_at: new Date().toISOString() }
  return { id: `msg${n}`, timestamp: Date.now(), attempts, body }
}
const failureOf = async (id: string) => (await db.select().from(jobFailures).where(eq(jobFailures.id, id)))[0]

const handlers: JobHandlers = {
  fine: async () => ({ ok: true }),
  flaky: async () => ({ ok: false, reason: 'receiver said 503', retryable: true }),
  gone: async () => ({ ok: false, reason: 'receiver answered 410', retryable: false }),
}

/** Runs the consumer on a batch; also notes each retry's delay, which getQueueResult does not report. */
async function consume(messages: ReturnType<typeof message>[]) {
  const batch = createMessageBatch('cg-jobs', messages)
  const delays: Record<string, number | undefined> = {}
  for (const msg of batch.messages) {
    const retry = msg.retry.bind(msg)
    msg.retry = (options) => {
      delays[msg.id] = options?.delaySeconds
      retry(options)
    }
  }
  const execution = createExecutionContext()
  await consumeJobs(batch, ctx, handlers)
  return { ...(await getQueueResult(batch, execution)), delays }
}

beforeEach(async () => {
  await db.delete(jobFailures)
})

describe('consumeJobs', () => {
  it('acks successes, retries retryable failures after the scheduled delay, acks and records the rest', async () => {
    const fine = message('fine')
    const flaky = message('flaky')
    const gone = message('gone')
    const result = await consume([fine, flaky, gone])
    expect(result.explicitAcks.sort()).toEqual([fine.id, gone.id].sort())
    expect(result.retryMessages).toEqual([{ msgId: flaky.id }])
    expect(result.delays).toEqual({ [flaky.id]: 5 })
    expect(await failureOf(fine.body.id)).toBeUndefined()
    expect(await failureOf(flaky.body.id)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      last_error: 'receiver said 503',
    })
    expect(await failureOf(gone.body.id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'receiver answered 410',
    })
  })

  it('follows the schedule by attempt: the third failure waits 30 minutes', async () => {
    const flaky = message('flaky', 3)
    expect((await consume([flaky])).delays).toEqual({ [flaky.id]: 1800 })
  })

  it('records a body that is not a job as dead instead of dropping it', async () => {
    const bad = { id: 'msg-bad', timestamp: Date.now(), attempts: 1, body: 'not a job' }
    const batch = createMessageBatch('cg-jobs', [bad])
    const execution = createExecutionContext()
    await consumeJobs(batch, ctx, handlers)
    expect((await getQueueResult(batch, execution)).explicitAcks).toEqual(['msg-bad'])
    expect(await failureOf('msg_msg-bad')).toMatchObject({
      kind: 'malformed',
      status: 'dead',
      payload: 'not a job',
    })
  })
})

describe('the Worker default export', () => {
  it('records a job that ran out of retries when it reaches the dead letter queue', async () => {
    const flaky = message('flaky', 8)
    await consume([flaky]) // the last attempt: retried once more, so Cloudflare moves it to the DLQ
    expect(await failureOf(flaky.body.id)).toMatchObject({ status: 'retrying', attempts: 8 })

    const dead = { ...flaky, attempts: 1 } // a DLQ delivery counts its own attempts
    const batch = createMessageBatch(DEAD_LETTER_QUEUE, [dead])
    const execution = createExecutionContext()
    await worker.queue(batch as never, env)
    expect((await getQueueResult(batch, execution)).explicitAcks).toEqual([dead.id])
    expect(await failureOf(flaky.body.id)).toMatchObject({
      status: 'dead',
      attempts: 8,
      last_error: 'receiver said 503',
      payload: flaky.body.payload,
    })
  })

  it('consumes from the real queue binding: a job nobody handles is recorded dead, not lost', {
    timeout: 20_000,
  }, async () => {
    const queue = new CloudflareQueue(env.JOBS, ctx)
    await queue.send([{ kind: 'nobody-handles-this', payload: { from: 'producer' } }])
    let recorded: (typeof jobFailures.$inferSelect)[] = []
    for (let i = 0; i < 100 && recorded.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100))
      recorded = await db.select().from(jobFailures).where(eq(jobFailures.kind, 'nobody-handles-this'))
    }
    expect(recorded).toMatchObject([
      {
        status: 'dead',
        payload: { from: 'producer' },
        last_error: "no handler for job kind 'nobody-handles-this'",
      },
    ])
  })

  it('prunes failures older than 30 days on the cron trigger', async () => {
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString()
    const base = { kind: 'x', payload: null, attempts: 8, last_error: 'e', status: 'dead' as const }
    await db.insert(jobFailures).values([
      { ...base, id: 'job_old', first_failed_at: old, updated_at: old },
      {
        ...base,
        id: 'job_new',
        first_failed_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
    ])
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }) as never, env)
    expect((await db.select().from(jobFailures)).map((f) => f.id)).toEqual(['job_new'])
  })
})
