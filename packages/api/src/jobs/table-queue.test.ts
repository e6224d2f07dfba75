import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Db, jobFailures, jobs } from '@connectgain/db'
import { openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { afterEach, describe, expect, it } from 'vitest'
import { TestClock, testConfig } from '../test-utils/index.ts'
import { pruneFailures } from './failures.ts'
import { type JobHandler, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from './job.ts'
import { TableQueue } from './table-queue.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn()
})

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-queue-'))
  const url = `file:${join(dir, 'q.db')}`
  const handles: { close(): void }[] = []
  const open = async () => {
    const handle = await openDb(url)
    handles.push(handle)
    return handle.db
  }
  const db = await open()
  await migrateDb(db)
  cleanups.push(() => {
    for (const h of handles) h.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const clock = new TestClock()
  const queueFor = (database: Db, handlers: Record<string, JobHandler>, leaseMs = 60_000) =>
    new TableQueue({ db: database, clock, config: testConfig() }, handlers, { leaseMs })
  return { db, open, clock, queueFor }
}

describe('TableQueue', () => {
  it('a slow job holds one slot: the others run past it while it is still going', async () => {
    const { db, clock, config } = { ...(await setup()), config: testConfig() }
    let release: () => void = () => {}
    const slowDone = new Promise<void>((resolve) => {
      release = resolve
    })
    const fast: unknown[] = []
    const queue = new TableQueue(
      { db, clock, config },
      {
        slow: async () => {
          await slowDone
          return { ok: true }
        },
        fast: async (payload) => {
          fast.push(payload)
          return { ok: true }
        },
      },
      { batchSize: 2 },
    )
    await queue.send([{ kind: 'slow', payload: null }])
    await queue.send([1, 2, 3, 4].map((n) => ({ kind: 'fast', payload: n })))
    const drained = queue.drain()
    for (let i = 0; i < 200 && fast.length < 4; i++) await new Promise((r) => setTimeout(r, 5))
    expect(fast.sort()).toEqual([1, 2, 3, 4]) // all ran through the second slot while the slow job waits
    release()
    expect(await drained).toBe(5)
    expect(await db.select().from(jobs)).toEqual([])
  })

  it("a handler's delaySeconds (a Retry-After) replaces the schedule for the next attempt", async () => {
    const { db, clock, queueFor } = await setup()
    const queue = queueFor(db, {
      busy: async () => ({ ok: false, reason: '429', retryable: true, delaySeconds: 90 }),
    })
    await queue.send([{ kind: 'busy', payload: null }])
    await queue.drain()
    const [job] = await db.select().from(jobs)
    expect(Date.parse(String(job?.run_at)) - clock.now().getTime()).toBe(90_000)
  })

  it('runs a job with its payload once and removes it', async () => {
    const { db, queueFor } = await setup()
    const seen: unknown[] = []
    const queue = queueFor(db, {
      greet: async (payload) => {
        seen.push(payload)
        return { ok: true }
      },
    })
    await queue.send([{ kind: 'greet', payload: { to: 'Ada' } }])
    expect(await queue.drain()).toBe(1)
    expect(seen).toEqual([{ to: 'Ada' }])
    expect(await db.select().from(jobs)).toEqual([])
    expect(await queue.drain()).toBe(0)
  })

  it('retries a failing job on the schedule and records it dead after the last attempt', async () => {
    const { db, clock, queueFor } = await setup()
    let calls = 0
    const queue = queueFor(db, {
      flaky: async () => ({ ok: false, reason: `receiver said 503 (call ${++calls})`, retryable: true }),
    })
    await queue.send([{ kind: 'flaky', payload: { n: 1 } }])
    expect(await queue.drain()).toBe(1)
    for (const delay of RETRY_DELAYS_SECONDS) {
      clock.advance(delay * 1000 - 1)
      expect(await queue.drain()).toBe(0) // not due yet
      const [row] = await db.select().from(jobs)
      expect(row?.last_error).toBe(`receiver said 503 (call ${calls})`)
      clock.advance(1)
      expect(await queue.drain()).toBe(1)
    }
    expect(calls).toBe(MAX_ATTEMPTS)
    expect(await db.select().from(jobs)).toEqual([])
    const [dead] = await db.select().from(jobFailures)
    expect(dead).toMatchObject({
      kind: 'flaky',
      payload: { n: 1 },
      attempts: MAX_ATTEMPTS,
      status: 'dead',
      last_error: `receiver said 503 (call ${MAX_ATTEMPTS})`,
    })
  })

  it('succeeds on a retry and leaves no failure behind', async () => {
    const { db, clock, queueFor } = await setup()
    let calls = 0
    const queue = queueFor(db, {
      once: async () => (++calls === 1 ? { ok: false, reason: 'timeout', retryable: true } : { ok: true }),
    })
    await queue.send([{ kind: 'once', payload: null }])
    await queue.drain()
    clock.advance(5000)
    await queue.drain()
    expect(calls).toBe(2)
    expect(await db.select().from(jobs)).toEqual([])
    expect(await db.select().from(jobFailures)).toEqual([])
  })

  it('sends non-retryable failures, unknown kinds and nothing else straight to the dead letters', async () => {
    const { db, queueFor } = await setup()
    const queue = queueFor(db, {
      gone: async () => ({ ok: false, reason: 'receiver answered 410', retryable: false }),
    })
    await queue.send([
      { kind: 'gone', payload: 1 },
      { kind: 'mystery', payload: 2 },
    ])
    await queue.drain()
    const dead = await db.select().from(jobFailures)
    expect(dead.map((d) => [d.kind, d.status, d.attempts, d.last_error]).sort()).toEqual([
      ['gone', 'dead', 1, 'receiver answered 410'],
      ['mystery', 'dead', 1, "no handler for job kind 'mystery'"],
    ])
  })

  it('retries a handler that throws', async () => {
    const { db, clock, queueFor } = await setup()
    let calls = 0
    const queue = queueFor(db, {
      buggy: async () => {
        if (++calls === 1) throw new TypeError('boom')
        return { ok: true }
      },
    })
    await queue.send([{ kind: 'buggy', payload: null }])
    await queue.drain()
    expect((await db.select().from(jobs))[0]?.last_error).toBe('TypeError: boom')
    clock.advance(5000)
    await queue.drain()
    expect(calls).toBe(2)
  })

  it('loses no job when the host dies mid-run: after a restart the lease expires and it runs', async () => {
    const { db, open, clock, queueFor } = await setup()
    const hung = queueFor(db, { work: () => new Promise(() => {}) }) // the process "dies" inside the handler
    await hung.send([{ kind: 'work', payload: { id: 7 } }])
    void hung.drain()
    await new Promise((r) => setTimeout(r, 50))

    const restarted = await open() // a new process: a new connection to the same file
    const done: unknown[] = []
    const work: JobHandler = async (p) => {
      done.push(p)
      return { ok: true }
    }
    const queue = queueFor(restarted, { work }, 60_000)
    expect(await queue.drain()).toBe(0) // still leased by the dead process
    clock.advance(60_000)
    expect(await queue.drain()).toBe(1)
    expect(done).toEqual([{ id: 7 }])
    expect(await restarted.select().from(jobs)).toEqual([])
  })

  it('never runs a job twice when two pollers drain at once', async () => {
    const { db, open, queueFor } = await setup()
    const runs: number[] = []
    const handler: JobHandler = async (p) => {
      runs.push(p as number)
      return { ok: true }
    }
    const a = queueFor(db, { n: handler })
    const b = queueFor(await open(), { n: handler })
    await a.send(Array.from({ length: 40 }, (_, i) => ({ kind: 'n', payload: i })))
    await Promise.all([a.drain(), b.drain()])
    expect(runs.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i))
  })

  it('polls in the background and stop() waits for the job in hand', async () => {
    const { db, queueFor } = await setup()
    let finished = false
    const queue = queueFor(db, {
      slow: async () => {
        await new Promise((r) => setTimeout(r, 100))
        finished = true
        return { ok: true }
      },
    })
    await queue.send([{ kind: 'slow', payload: null }])
    queue.start()
    await new Promise((r) => setTimeout(r, 30))
    await queue.stop()
    expect(finished).toBe(true)
    expect(await db.select().from(jobs)).toEqual([])
  })
})

describe('pruneFailures', () => {
  it('forgets failures older than 30 days and keeps recent ones', async () => {
    const { db, clock, queueFor } = await setup()
    const queue = queueFor(db, {})
    await queue.send([{ kind: 'old', payload: null }])
    await queue.drain()
    clock.advance(20 * 86_400_000)
    await queue.send([{ kind: 'recent', payload: null }])
    await queue.drain()
    clock.advance(11 * 86_400_000)
    await pruneFailures(db, clock.now())
    expect((await db.select().from(jobFailures)).map((f) => f.kind)).toEqual(['recent'])
  })
})
