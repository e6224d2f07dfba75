/**
 * @module Contract: what a key's use costs and leaves behind: usage written at most once a minute per key (the
 * first use at once) with a count per day, and the per-key rate limit with its 429 and IETF RateLimit headers.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { GENERATE, REVOKE } from './api-keys.contract.ts'
import {
  devSession,
  expectError,
  expectJson,
  ORG_B,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

interface Key {
  api_key: string
  id: string
  rate_limit: number
}
interface KeyRow {
  id: string
  usage_count: number
  last_used_at: string | null
  rate_limit: number
}
interface UsageDay {
  key_id: string
  day: string
  requests: number
}

/** Polls `read` until `done` holds (usage is written after the response: in the background, or `waitUntil`). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let value = await read()
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 20))
    value = await read()
  }
  expect(done(value), `${what}: ${JSON.stringify(value)}`).toBe(true)
  return value
}

export function registerApiKeyLimitsContract(target: Target): void {
  describe('API keys: usage and rate limits', () => {
    let owner: Session
    let ownerB: Session
    let agent: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
      ownerB = await devSession(target, 'owner', ORG_B)
      agent = await devSession(target, 'agent')
    })

    const generate = async (body: Record<string, unknown> = {}): Promise<Key> =>
      expectJson<Key>(
        await send(target, GENERATE, {
          method: 'POST',
          token: owner.access_token,
          body: { name: `limits ${unique()}`, ...body },
        }),
        201,
      )
    const use = (key: string) => send(target, '/rest/v1/tags?select=id', { token: key })
    const keyRow = async (id: string): Promise<KeyRow | undefined> =>
      (
        await expectJson<KeyRow[]>(
          await send(target, `/rest/v1/api_keys?id=eq.${id}`, { token: owner.access_token }),
          200,
        )
      )[0]
    const usageDays = async (id: string, token = owner.access_token): Promise<UsageDay[]> =>
      expectJson<UsageDay[]>(
        await send(target, `/rest/v1/api_key_usage?key_id=eq.${id}&select=key_id,day,requests&order=day`, {
          token,
        }),
        200,
      )

    it('the first use is written at once: last_used_at, usage_count and a count for the day', async () => {
      const key = await generate()
      const res = await use(key.api_key)
      expect(res.status).toBe(200)
      const row = await eventually(
        () => keyRow(key.id),
        (r) => r?.usage_count === 1,
        'usage_count after one request',
      )
      expect(Number.isNaN(Date.parse(row?.last_used_at ?? ''))).toBe(false)
      const days = await eventually(
        () => usageDays(key.id),
        (d) => d.length === 1,
        'a usage row',
      )
      expect(days).toEqual([{ key_id: key.id, day: row?.last_used_at?.slice(0, 10), requests: 1 }])
    })

    it('later uses within the minute are counted in memory, and written a minute after the last write', async ({
      skip,
    }) => {
      const key = await generate()
      await use(key.api_key)
      await eventually(
        () => keyRow(key.id),
        (r) => r?.usage_count === 1,
        'the first write',
      )
      for (let i = 0; i < 4; i++) expect((await use(key.api_key)).status).toBe(200)
      // No write for those four yet: at most one a minute per key.
      expect((await keyRow(key.id))?.usage_count).toBe(1)
      const advance = target().advanceClock
      if (!advance) return skip('this host cannot move its clock')
      advance(61_000)
      await use(key.api_key)
      await eventually(
        () => keyRow(key.id),
        (r) => r?.usage_count === 6,
        'six requests written',
      )
      expect((await usageDays(key.id)).map((d) => d.requests)).toEqual([6])
    })

    it('usage rows are read by owners and admins of the key’s org only', async () => {
      const key = await generate()
      await use(key.api_key)
      await eventually(
        () => usageDays(key.id),
        (d) => d.length === 1,
        'a usage row',
      )
      expect(await usageDays(key.id, ownerB.access_token)).toEqual([])
      await expectError(
        await send(target, `/rest/v1/api_key_usage?key_id=eq.${key.id}`, { token: agent.access_token }),
        { status: 403, code: '42501' },
      )
      await expectError(
        await send(target, '/rest/v1/api_key_usage', {
          method: 'POST',
          token: owner.access_token,
          body: { key_id: key.id, day: '2026-01-01', requests: 1000 },
        }),
        // The server counts usage: no role may write it, so the method itself is refused.
        { status: 405, code: 'CG405' },
      )
    })

    it('a key over its limit gets 429 with Retry-After and the RateLimit headers; other keys go on', async () => {
      const key = await generate({ rate_limit: 3 })
      expect(key.rate_limit).toBe(3)
      const remaining: number[] = []
      let refused: Response | undefined
      // Four requests fill a window of three; a window boundary in between allows at most three more.
      for (let i = 0; i < 7 && !refused; i++) {
        const res = await use(key.api_key)
        expect(res.headers.get('RateLimit-Policy')).toBe('"api-key";q=3;w=60')
        if (res.status === 429) refused = res
        else {
          expect(res.status).toBe(200)
          const match = /^"api-key";r=(\d+);t=(\d+)$/.exec(res.headers.get('RateLimit') ?? '')
          expect(match, res.headers.get('RateLimit') ?? 'no RateLimit header').not.toBeNull()
          remaining.push(Number(match?.[1]))
        }
      }
      expect(refused, 'a 429 within seven requests').toBeDefined()
      expect(remaining.slice(-3)).toEqual([2, 1, 0])
      const retryAfter = Number(refused?.headers.get('Retry-After'))
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(refused?.headers.get('RateLimit')).toBe(`"api-key";r=0;t=${retryAfter}`)
      expect(refused?.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/)
      await expectError(refused as Response, { status: 429, code: 'CG429', message: /3 requests a minute/ })

      const other = await generate()
      const res = await use(other.api_key)
      expect(res.status).toBe(200)
      expect(res.headers.get('RateLimit-Policy')).toBe('"api-key";q=600;w=60')
    })

    it('the window resets after a minute', async ({ skip }) => {
      const advance = target().advanceClock
      if (!advance) return skip('this host cannot move its clock')
      const key = await generate({ rate_limit: 1 })
      expect((await use(key.api_key)).status).toBe(200)
      expect((await use(key.api_key)).status).toBe(429)
      advance(60_000)
      expect((await use(key.api_key)).status).toBe(200)
    })

    it('a revoke takes effect on the next request, whatever the key did before', async () => {
      const key = await generate()
      expect((await use(key.api_key)).status).toBe(200)
      const revoked = await send(target, REVOKE, {
        method: 'POST',
        token: owner.access_token,
        body: { id: key.id },
      })
      expect(revoked.status).toBe(200)
      await expectError(await use(key.api_key), { status: 401, code: 'PGRST301', message: /revoked/ })
    })

    it('a session token is not rate-limited per key and carries no RateLimit headers', async () => {
      const res = await send(target, '/rest/v1/tags?select=id', { token: owner.access_token })
      expect(res.status).toBe(200)
      expect(res.headers.get('RateLimit')).toBeNull()
    })

    it('rate_limit must be a whole number from 1 to 1000000; a bad one creates nothing', async () => {
      for (const rate_limit of [0, 1.5, 1_000_001, '600']) {
        await expectError(
          await send(target, GENERATE, {
            method: 'POST',
            token: owner.access_token,
            body: { name: `bad limit ${unique()}`, rate_limit },
          }),
          { status: 400, code: '22P02', field: 'rate_limit' },
        )
      }
    })
  })
}
