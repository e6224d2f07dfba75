/** @module Tests for the per-key rate limiter (fixed one-minute windows) and its IETF RateLimit headers. */
import { describe, expect, it } from 'vitest'
import { type RateLimitDecision, rateLimitHeaders, WindowRateLimiter } from './rate-limit.ts'

/** The start of a clock minute. */
const MINUTE = Date.UTC(2026, 0, 15, 12, 0, 0)

describe('WindowRateLimiter', () => {
  it('counts remaining down to 0, then refuses', () => {
    const limiter = new WindowRateLimiter()
    const remaining = [0, 1, 2].map((s) => limiter.take('key_a', 3, MINUTE + s * 1000))
    expect(remaining.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ])
    expect(limiter.take('key_a', 3, MINUTE + 3000)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      reset: 57,
    })
    expect(limiter.take('key_a', 3, MINUTE + 59_000)).toMatchObject({ allowed: false, remaining: 0 })
  })

  it('does not count refused requests', () => {
    const limiter = new WindowRateLimiter()
    for (let i = 0; i < 2; i++) expect(limiter.take('key_a', 2, MINUTE).allowed).toBe(true)
    for (let i = 0; i < 5; i++) expect(limiter.take('key_a', 2, MINUTE).allowed).toBe(false)
    // Raised within the window: the 2 allowed requests count, the 5 refused do not.
    expect(limiter.take('key_a', 4, MINUTE)).toMatchObject({ allowed: true, remaining: 1 })
  })

  it('gives the seconds until the window resets, aligned to the clock minute, and at least 1', () => {
    const reset = (offsetMs: number) => new WindowRateLimiter().take('key_a', 10, MINUTE + offsetMs).reset
    expect(reset(0)).toBe(60)
    expect(reset(1)).toBe(60)
    expect(reset(30_000)).toBe(30)
    expect(reset(30_500)).toBe(30)
    expect(reset(59_000)).toBe(1)
    expect(reset(59_999)).toBe(1)
    expect(reset(60_000)).toBe(60) // the next minute's first millisecond
    // Not aligned to the first request: a key first used mid-minute still resets at the minute.
    const limiter = new WindowRateLimiter()
    expect(limiter.take('key_b', 10, MINUTE + 45_000).reset).toBe(15)
    expect(limiter.take('key_b', 10, MINUTE + 60_000)).toMatchObject({ remaining: 9, reset: 60 })
  })

  it('allows again in the next window', () => {
    const limiter = new WindowRateLimiter()
    limiter.take('key_a', 1, MINUTE + 10_000)
    expect(limiter.take('key_a', 1, MINUTE + 59_999).allowed).toBe(false)
    expect(limiter.take('key_a', 1, MINUTE + 60_000)).toEqual({
      allowed: true,
      limit: 1,
      remaining: 0,
      reset: 60,
    })
    expect(limiter.take('key_a', 1, MINUTE + 60_001).allowed).toBe(false)
    // A window skipped entirely changes nothing: the next request starts fresh.
    expect(limiter.take('key_a', 1, MINUTE + 10 * 60_000).allowed).toBe(true)
  })

  it('limits each key on its own', () => {
    const limiter = new WindowRateLimiter()
    expect(limiter.take('key_a', 1, MINUTE).allowed).toBe(true)
    expect(limiter.take('key_a', 1, MINUTE).allowed).toBe(false)
    expect(limiter.take('key_b', 1, MINUTE)).toMatchObject({ allowed: true, remaining: 0 })
    expect(limiter.take('key_c', 5, MINUTE)).toMatchObject({ allowed: true, remaining: 4 })
    expect(limiter.take('key_a', 1, MINUTE).allowed).toBe(false)
  })

  it('applies a lowered limit at once, within the current window', () => {
    const limiter = new WindowRateLimiter()
    for (let i = 0; i < 5; i++) limiter.take('key_a', 10, MINUTE + i)
    expect(limiter.take('key_a', 3, MINUTE + 10)).toMatchObject({ allowed: false, limit: 3, remaining: 0 })
    expect(limiter.take('key_a', 5, MINUTE + 20)).toMatchObject({ allowed: false, limit: 5, remaining: 0 })
    expect(limiter.take('key_a', 6, MINUTE + 30)).toMatchObject({ allowed: true, limit: 6, remaining: 0 })
  })

  it('keeps exact counts with more than 10 000 keys, across windows', () => {
    const limiter = new WindowRateLimiter()
    const ids = Array.from({ length: 10_500 }, (_, i) => `key_${i}`)
    const remaining = (keys: string[], limit: number, nowMs: number) =>
      new Set(keys.map((id) => limiter.take(id, limit, nowMs).remaining))

    // Window 1: every key once; a hot key up to its limit.
    expect(limiter.take('hot', 2, MINUTE).allowed).toBe(true)
    expect(remaining(ids, 2, MINUTE)).toEqual(new Set([1]))
    expect(limiter.take('hot', 2, MINUTE + 1).remaining).toBe(0)
    expect(limiter.take('hot', 2, MINUTE + 2).allowed).toBe(false)
    // Every key still holds its count after 10 500 others came in.
    expect(remaining(ids, 2, MINUTE + 3)).toEqual(new Set([0]))

    // Window 2: a new key among many stale ones, then the hot key and the old keys start fresh.
    const next = MINUTE + 60_000
    expect(limiter.take('new', 2, next)).toMatchObject({ allowed: true, remaining: 1 })
    expect(limiter.take('hot', 2, next)).toMatchObject({ allowed: true, remaining: 1 })
    expect(remaining(ids, 2, next)).toEqual(new Set([1]))
    // Over 10 000 keys in this window: whatever is dropped, no key's count in the current window is forgotten.
    const later = Array.from({ length: 1_000 }, (_, i) => `later_${i}`)
    expect(remaining(later, 2, next + 1)).toEqual(new Set([1]))
    expect(limiter.take('new', 2, next + 2)).toMatchObject({ allowed: true, remaining: 0 })
    expect(limiter.take('new', 2, next + 3).allowed).toBe(false)
    expect(limiter.take('hot', 2, next + 4).remaining).toBe(0)
    expect(remaining(ids, 2, next + 5)).toEqual(new Set([0]))
    expect(remaining(later, 2, next + 6)).toEqual(new Set([0]))

    // Window 3: a burst of new keys while every old window is stale.
    const third = next + 60_000
    const burst = Array.from({ length: 10_500 }, (_, i) => `third_${i}`)
    expect(new Set(burst.map((id) => limiter.take(id, 1, third).allowed))).toEqual(new Set([true]))
    expect(limiter.take('third_0', 1, third + 1).allowed).toBe(false)
    expect(limiter.take('key_0', 1, third + 2)).toMatchObject({ allowed: true, remaining: 0 })
  })
})

describe('rateLimitHeaders', () => {
  const decision = (d: Partial<RateLimitDecision>): RateLimitDecision => ({
    allowed: true,
    limit: 600,
    remaining: 599,
    reset: 60,
    ...d,
  })

  it('describes an allowed request with RateLimit-Policy and RateLimit, without Retry-After', () => {
    expect(rateLimitHeaders(decision({ remaining: 42, reset: 17 }))).toEqual({
      'RateLimit-Policy': '"api-key";q=600;w=60',
      RateLimit: '"api-key";r=42;t=17',
    })
  })

  it('adds Retry-After with the seconds to reset when the request was refused', () => {
    expect(rateLimitHeaders(decision({ allowed: false, limit: 3, remaining: 0, reset: 12 }))).toEqual({
      'RateLimit-Policy': '"api-key";q=3;w=60',
      RateLimit: '"api-key";r=0;t=12',
      'Retry-After': '12',
    })
  })

  it("reads the limiter's decisions: counts down, then Retry-After until the minute turns", () => {
    const limiter = new WindowRateLimiter()
    const headers = (nowMs: number) => rateLimitHeaders(limiter.take('key_a', 2, nowMs))
    expect(headers(MINUTE + 20_000).RateLimit).toBe('"api-key";r=1;t=40')
    expect(headers(MINUTE + 50_000)).not.toHaveProperty('Retry-After')
    expect(headers(MINUTE + 59_999)).toEqual({
      'RateLimit-Policy': '"api-key";q=2;w=60',
      RateLimit: '"api-key";r=0;t=1',
      'Retry-After': '1',
    })
    expect(headers(MINUTE + 60_000)).toEqual({
      'RateLimit-Policy': '"api-key";q=2;w=60',
      RateLimit: '"api-key";r=1;t=60',
    })
  })
})
