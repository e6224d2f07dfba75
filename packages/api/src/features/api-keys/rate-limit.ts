/**
 * @module Per-key rate limits: a fixed one-minute window per key, counted in this process (or isolate), and the
 * IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers-10) that describe it.
 */

/** The window every key's limit counts over. */
export const WINDOW_SECONDS = 60
const WINDOW_MS = WINDOW_SECONDS * 1000

/** What a request learns from the limiter: whether it may go on, and what the headers say. */
export interface RateLimitDecision {
  allowed: boolean
  limit: number
  /** Requests left in this window after this one. */
  remaining: number
  /** Seconds until the window resets (at least 1). */
  reset: number
}

/**
 * Where requests are counted. The in-memory one below is exact on the Node host (one process) and per
 * isolate on Workers; a shared store (a Durable Object, the rate-limiting binding) fits behind this port.
 */
export interface RateLimiter {
  /** Counts one request by `id` at `nowMs` against `limit` a minute; a refused request is not counted. */
  take(id: string, limit: number, nowMs: number): RateLimitDecision
}

/** Past this many keys, windows of earlier minutes are dropped (once a minute). */
const MAX_TRACKED = 10_000

/** A fixed window aligned to the clock's minute: simple, exact, and at worst 2× the limit across a boundary. */
export class WindowRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()
  /** The window last pruned: at most one scan a minute, however many keys are busy in it. */
  private prunedFor = Number.NaN

  take(id: string, limit: number, nowMs: number): RateLimitDecision {
    const start = nowMs - (nowMs % WINDOW_MS)
    let window = this.windows.get(id)
    if (!window || window.start !== start) {
      if (!window && this.windows.size >= MAX_TRACKED && this.prunedFor !== start) this.prune(start)
      window = { start, count: 0 }
      this.windows.set(id, window)
    }
    const reset = Math.max(1, Math.ceil((start + WINDOW_MS - nowMs) / 1000))
    if (window.count >= limit) return { allowed: false, limit, remaining: 0, reset }
    window.count++
    return { allowed: true, limit, remaining: limit - window.count, reset }
  }

  private prune(current: number): void {
    this.prunedFor = current
    for (const [id, window] of this.windows) if (window.start < current) this.windows.delete(id)
  }
}

/** The policy's name in both headers. */
const POLICY = '"api-key"'

/** `RateLimit-Policy` and `RateLimit` for `decision`, plus `Retry-After` when it was refused. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `${POLICY};q=${decision.limit};w=${WINDOW_SECONDS}`,
    RateLimit: `${POLICY};r=${decision.remaining};t=${decision.reset}`,
  }
  if (!decision.allowed) headers['Retry-After'] = String(decision.reset)
  return headers
}
