/** @module Tests for KeyUsage: API key use counted in memory, written at most once a minute per key, kept 30 days. */
import { apiKeys, apiKeyUsage, newId } from '@connectgain/db'
import { asc, eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import { createApiKey } from './api-keys.ts'
import { KeyUsage } from './key-usage.ts'

const at = (iso: string) => new Date(iso)
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms)
const DAY_MS = 86_400_000

describe('KeyUsage', () => {
  let ctx: TestContext | undefined
  afterEach(() => {
    ctx?.close()
    ctx = undefined
    vi.restoreAllMocks()
  })

  async function setup() {
    ctx = await createTestContext()
    const { db, clock, orgA } = ctx
    const { id, key } = await createApiKey(db, clock, { orgId: orgA.id, name: 'usage' })
    return { ctx, db, orgId: orgA.id, id, key }
  }

  async function keyRow(id: string) {
    const [row] = await (ctx as TestContext).db
      .select({ last_used_at: apiKeys.last_used_at, usage_count: apiKeys.usage_count })
      .from(apiKeys)
      .where(eq(apiKeys.id, id))
    return row
  }

  async function days(id: string) {
    return (ctx as TestContext).db
      .select({ day: apiKeyUsage.day, requests: apiKeyUsage.requests })
      .from(apiKeyUsage)
      .where(eq(apiKeyUsage.key_id, id))
      .orderBy(asc(apiKeyUsage.day))
  }

  it("writes a key's first use at once, then nothing more within the minute", async () => {
    const { db, orgId, id } = await setup()
    const usage = new KeyUsage(db)
    const first = at('2026-01-15T12:00:00.000Z')

    const write = usage.record(id, orgId, first)
    expect(write).toBeInstanceOf(Promise)
    await write
    expect(await keyRow(id)).toEqual({ last_used_at: first.toISOString(), usage_count: 1 })
    expect(await days(id)).toEqual([{ day: '2026-01-15', requests: 1 }])

    expect(usage.record(id, orgId, plus(first, 1_000))).toBeUndefined()
    expect(usage.record(id, orgId, plus(first, 59_999))).toBeUndefined()
    expect(await keyRow(id)).toEqual({ last_used_at: first.toISOString(), usage_count: 1 })
  })

  it('writes the requests of a minute with the next request after it: count 6, last_used_at the last time', async () => {
    const { db, orgId, id } = await setup()
    const usage = new KeyUsage(db)
    const first = at('2026-01-15T12:00:00.000Z')

    await usage.record(id, orgId, first)
    for (const s of [10, 20, 30, 40]) expect(usage.record(id, orgId, plus(first, s * 1000))).toBeUndefined()
    const last = plus(first, 61_000)
    const write = usage.record(id, orgId, last)
    expect(write).toBeInstanceOf(Promise)
    await write

    expect(await keyRow(id)).toEqual({ last_used_at: last.toISOString(), usage_count: 6 })
    expect(await days(id)).toEqual([{ day: '2026-01-15', requests: 6 }])
  })

  it('counts requests on either side of UTC midnight on two day rows', async () => {
    const { db, orgId, id } = await setup()
    const usage = new KeyUsage(db)
    const before = at('2026-01-15T23:59:30.000Z')

    await usage.record(id, orgId, before)
    expect(usage.record(id, orgId, at('2026-01-16T00:00:15.000Z'))).toBeUndefined()
    const last = at('2026-01-16T00:00:45.000Z')
    await usage.record(id, orgId, last)

    expect(await days(id)).toEqual([
      { day: '2026-01-15', requests: 1 },
      { day: '2026-01-16', requests: 2 },
    ])
    expect(await keyRow(id)).toEqual({ last_used_at: last.toISOString(), usage_count: 3 })
  })

  it("keeps 30 days (today and the 29 before): the key's next write prunes older days, and only its own", async () => {
    const { ctx, db, orgId, id } = await setup()
    const other = await createApiKey(db, ctx.clock, { orgId, name: 'other' })
    const today = at('2026-01-15T12:00:00.000Z')
    const dayBefore = (n: number) => new Date(today.getTime() - n * DAY_MS).toISOString().slice(0, 10)
    const row = (keyId: string, day: string, requests: number) => ({
      id: newId('use'),
      org_id: orgId,
      key_id: keyId,
      day,
      requests,
    })
    await db
      .insert(apiKeyUsage)
      .values([
        row(id, dayBefore(45), 9),
        row(id, dayBefore(30), 7),
        row(id, dayBefore(29), 5),
        row(id, dayBefore(1), 3),
        row(other.id, dayBefore(45), 2),
      ])
    expect(dayBefore(29)).toBe('2025-12-17')

    await new KeyUsage(db).record(id, orgId, today)

    expect(await days(id)).toEqual([
      { day: '2025-12-17', requests: 5 },
      { day: '2026-01-14', requests: 3 },
      { day: '2026-01-15', requests: 1 },
    ])
    // Another key's old days wait for that key's own next write.
    expect(await days(other.id)).toEqual([{ day: dayBefore(45), requests: 2 }])
  })

  it('counts two keys separately', async () => {
    const { ctx, db, orgId, id } = await setup()
    const second = await createApiKey(db, ctx.clock, { orgId, name: 'second' })
    const usage = new KeyUsage(db)
    const first = at('2026-01-15T12:00:00.000Z')

    await usage.record(id, orgId, first)
    await usage.record(second.id, orgId, plus(first, 1_000)) // its own first use: written at once too
    usage.record(id, orgId, plus(first, 2_000))
    usage.record(id, orgId, plus(first, 3_000))
    usage.record(second.id, orgId, plus(first, 4_000))
    expect(await keyRow(id)).toMatchObject({ usage_count: 1 })
    expect(await keyRow(second.id)).toMatchObject({ usage_count: 1 })

    await usage.flush(plus(first, 5_000).getTime())

    expect(await keyRow(id)).toEqual({ last_used_at: plus(first, 3_000).toISOString(), usage_count: 3 })
    expect(await keyRow(second.id)).toEqual({
      last_used_at: plus(first, 4_000).toISOString(),
      usage_count: 2,
    })
    expect(await days(id)).toEqual([{ day: '2026-01-15', requests: 3 }])
    expect(await days(second.id)).toEqual([{ day: '2026-01-15', requests: 2 }])
  })

  it('flush() writes pending counts without waiting a minute, and a second flush adds nothing', async () => {
    const { db, orgId, id } = await setup()
    const usage = new KeyUsage(db)
    const first = at('2026-01-15T12:00:00.000Z')

    await usage.record(id, orgId, first)
    for (const s of [5, 10, 15, 20]) usage.record(id, orgId, plus(first, s * 1000))
    expect(await keyRow(id)).toMatchObject({ usage_count: 1 })

    await usage.flush(plus(first, 21_000).getTime())
    const flushed = { last_used_at: plus(first, 20_000).toISOString(), usage_count: 5 }
    expect(await keyRow(id)).toEqual(flushed)
    expect(await days(id)).toEqual([{ day: '2026-01-15', requests: 5 }])

    await usage.flush(plus(first, 22_000).getTime())
    expect(await keyRow(id)).toEqual(flushed)
    expect(await days(id)).toEqual([{ day: '2026-01-15', requests: 5 }])
  })

  it('flush() waits for a write under way, then writes what was counted meanwhile (the host shutting down)', async () => {
    const { db, orgId, id } = await setup()
    const usage = new KeyUsage(db)
    const first = at('2026-01-15T12:00:00.000Z')
    const running = usage.record(id, orgId, first) // the first use: its write starts at once
    usage.record(id, orgId, plus(first, 1000)) // counted while that write runs
    await usage.flush(plus(first, 2000).getTime())
    await running
    expect(await keyRow(id)).toMatchObject({ usage_count: 2, last_used_at: plus(first, 1000).toISOString() })
  })

  describe('when the database refuses the write', () => {
    // A real failure: a trigger makes SQLite abort any update of api_keys until it is dropped.
    const breakWrites = (db: TestContext['db']) =>
      db.run(
        sql.raw(
          `CREATE TRIGGER refuse_key_updates BEFORE UPDATE ON api_keys BEGIN SELECT RAISE(ABORT, 'disk is on fire'); END`,
        ),
      )
    const repairWrites = (db: TestContext['db']) => db.run(sql.raw('DROP TRIGGER refuse_key_updates'))

    it('reports the failure naming the key id (never the key), writes nothing, and keeps the counts for the next write', async () => {
      const { db, orgId, id, key } = await setup()
      const errors: string[] = []
      const usage = new KeyUsage(db, (message) => errors.push(message))
      const first = at('2026-01-15T23:59:50.000Z')
      await breakWrites(db)

      const failed = usage.record(id, orgId, first)
      expect(failed).toBeInstanceOf(Promise)
      await expect(failed).resolves.toBeUndefined() // the host runs it in the background: it must not reject
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(id)
      expect(errors[0]).toContain('disk is on fire')
      // The batch is all or nothing: no day row without its count.
      expect(await keyRow(id)).toEqual({ last_used_at: null, usage_count: 0 })
      expect(await days(id)).toEqual([])

      await repairWrites(db)
      expect(usage.record(id, orgId, plus(first, 20_000))).toBeUndefined() // next day, same minute
      await usage.flush(plus(first, 30_000).getTime())

      expect(await keyRow(id)).toEqual({
        last_used_at: plus(first, 20_000).toISOString(),
        usage_count: 2,
      })
      expect(await days(id)).toEqual([
        { day: '2026-01-15', requests: 1 },
        { day: '2026-01-16', requests: 1 },
      ])
      expect(errors).toHaveLength(1)
      for (const message of errors) {
        expect(message).not.toContain(key)
        expect(message).not.toContain(key.slice(3))
      }
    })

    it('keeps the counts of failed writes in a row, and writes them with the next due write', async () => {
      const { db, orgId, id } = await setup()
      const errors: string[] = []
      const usage = new KeyUsage(db, (message) => errors.push(message))
      const first = at('2026-01-15T12:00:00.000Z')
      await breakWrites(db)

      await usage.record(id, orgId, first)
      usage.record(id, orgId, plus(first, 30_000))
      await usage.record(id, orgId, plus(first, 61_000))
      expect(errors).toHaveLength(2)
      expect(await keyRow(id)).toMatchObject({ usage_count: 0 })

      await repairWrites(db)
      const last = plus(first, 122_000)
      await usage.record(id, orgId, last)
      expect(await keyRow(id)).toEqual({ last_used_at: last.toISOString(), usage_count: 4 })
      expect(await days(id)).toEqual([{ day: '2026-01-15', requests: 4 }])
    })

    it('logs the failure with console.error when no onError is given', async () => {
      const { db, orgId, id, key } = await setup()
      const logged: string[] = []
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '))
      })
      await breakWrites(db)

      await new KeyUsage(db).record(id, orgId, at('2026-01-15T12:00:00.000Z'))

      expect(logged).toHaveLength(1)
      expect(logged[0]).toContain(id)
      expect(logged[0]).not.toContain(key.slice(3))
    })
  })
})
