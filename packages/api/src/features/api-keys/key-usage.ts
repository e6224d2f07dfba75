/**
 * @module API key usage without a write on every request: requests are counted in memory and written at most
 * once a minute per key (the first use at once), as `last_used_at`, `usage_count` and a per-day count kept for
 * USAGE_DAYS days. The host runs each write in the background (`waitUntil` on Workers) and flushes on shutdown.
 */
import { USAGE_DAYS } from '@connectgain/contracts'
import { apiKeys, apiKeyUsage, type Db, newId } from '@connectgain/db'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'

/** How often a key's counts are written, at most. */
export const USAGE_FLUSH_MS = 60_000
const DAY_MS = 24 * 3600 * 1000

/** What one key has used since its last write. */
interface Pending {
  orgId: string
  /** When its counts were last written (ms); -Infinity before the first. */
  writtenAt: number
  writing: boolean
  lastUsed: string
  count: number
  /** Requests per UTC day (`YYYY-MM-DD`). */
  days: Map<string, number>
}

export class KeyUsage {
  private readonly pending = new Map<string, Pending>()
  /** Writes under way, which flush() waits for before writing what was counted meanwhile. */
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    private readonly db: Db,
    private readonly onError: (message: string) => void = (m) => console.error(m),
  ) {}

  /**
   * Counts one request with key `keyId` at `now`. Returns the write to run in the background when one is due
   * (the key's first use here, or a minute since its last write); undefined otherwise.
   */
  record(keyId: string, orgId: string, now: Date): Promise<void> | undefined {
    let use = this.pending.get(keyId)
    if (!use) {
      use = {
        orgId,
        writtenAt: Number.NEGATIVE_INFINITY,
        writing: false,
        lastUsed: '',
        count: 0,
        days: new Map(),
      }
      this.pending.set(keyId, use)
    }
    const iso = now.toISOString()
    const day = iso.slice(0, 10)
    use.lastUsed = iso
    use.count++
    use.days.set(day, (use.days.get(day) ?? 0) + 1)
    if (use.writing || now.getTime() - use.writtenAt < USAGE_FLUSH_MS) return undefined
    return this.write(keyId, use, now.getTime())
  }

  /** Writes every key's pending counts now, after any write under way (the host's shutdown, tests). */
  async flush(nowMs = Date.now()): Promise<void> {
    await Promise.all(this.inFlight)
    await Promise.all([...this.pending].map(([id, use]) => (use.count ? this.write(id, use, nowMs) : null)))
  }

  private write(keyId: string, use: Pending, nowMs: number): Promise<void> {
    const write = this.writeNow(keyId, use, nowMs).finally(() => this.inFlight.delete(write))
    this.inFlight.add(write)
    return write
  }

  private async writeNow(keyId: string, use: Pending, nowMs: number): Promise<void> {
    const { count, lastUsed } = use
    const days = use.days
    use.count = 0
    use.days = new Map()
    use.writing = true
    use.writtenAt = nowMs
    try {
      await this.db.batch(this.statements(keyId, use.orgId, count, lastUsed, days, nowMs))
    } catch (err) {
      // Kept for the next write: a passing database fault costs a minute's delay, not the counts.
      use.count += count
      for (const [day, n] of days) use.days.set(day, (use.days.get(day) ?? 0) + n)
      this.onError(`API key usage write failed for ${keyId}: ${err instanceof Error ? err.message : err}`)
    } finally {
      use.writing = false
    }
  }

  private statements(
    keyId: string,
    orgId: string,
    count: number,
    lastUsed: string,
    days: Map<string, number>,
    nowMs: number,
  ): [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] {
    const oldest = new Date(nowMs - (USAGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
    return [
      this.db
        .update(apiKeys)
        .set({
          // Another isolate may have written a later time already.
          last_used_at: sql`max(coalesce(${apiKeys.last_used_at}, ''), ${lastUsed})`,
          usage_count: sql`${apiKeys.usage_count} + ${count}`,
        })
        .where(eq(apiKeys.id, keyId)),
      ...[...days].map(([day, requests]) =>
        this.db
          .insert(apiKeyUsage)
          .values({ id: newId('use'), org_id: orgId, key_id: keyId, day, requests })
          .onConflictDoUpdate({
            target: [apiKeyUsage.key_id, apiKeyUsage.day],
            set: { requests: sql`${apiKeyUsage.requests} + excluded.requests` },
          }),
      ),
      this.db.delete(apiKeyUsage).where(and(eq(apiKeyUsage.key_id, keyId), lt(apiKeyUsage.day, oldest))),
    ]
  }
}
