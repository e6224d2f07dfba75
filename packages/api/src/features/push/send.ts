/** @module One Web Push delivery: web-push encrypts (RFC 8291) and signs (RFC 8292), `fetch` sends, so it runs on both hosts. */
import webPush from 'web-push'
import { checkOutbound, type Resolve, type UrlMode } from '../../net/url-guard.ts'
import type { VapidKeys } from './vapid.ts'

/** What the browser hands over: `PushSubscription.toJSON()` without `expirationTime`. */
export interface PushSubscriptionKeys {
  endpoint: string
  keys: {
    /** The browser's P-256 public key, base64url. */
    p256dh: string
    /** 16 random bytes, base64url. A secret shared with the browser. */
    auth: string
  }
}

/** What the service worker shows. */
export interface PushPayload {
  title: string
  body: string
  /** Opened when the notification is clicked. */
  url: string
  /** Notifications with the same tag replace each other on the device. */
  tag: string
}

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high'

export interface SendPushOptions {
  vapid: VapidKeys
  /** How long the push service keeps an undelivered message; 24 h unless given. */
  ttlSeconds?: number
  urgency?: PushUrgency
  /** A queued message with the same topic is replaced; at most 32 base64url characters. */
  topic?: string
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch
  /** Give up on the push service after this long; 10 s unless given. */
  timeoutMs?: number
  /**
   * The outbound URL guard, checked again before sending (the endpoint passed it when saved): the mode's rules,
   * and the resolved addresses too when the host passes a resolver (Node).
   */
  guard?: { mode: UrlMode; resolve?: Resolve | undefined }
}

/** The outcome of one attempt, as a value: the caller stores it and decides what happens to the subscription. */
export interface PushAttempt {
  ok: boolean
  /** The push service's status; null when no answer came (refused, timed out, never sent). */
  status_code: number | null
  /** 404 or 410: the subscription is dead and must be deleted. */
  gone: boolean
  /** 429, 5xx, a timeout or a network error: try again later. */
  retryable: boolean
  /** From `Retry-After`, when the push service sent one. */
  retry_after_seconds: number | null
  error: string | null
  duration_ms: number
}

export const DEFAULT_TTL_SECONDS = 24 * 60 * 60
export const DEFAULT_TIMEOUT_MS = 10_000
/**
 * Push services accept a body of 4096 bytes (RFC 8030 §7.2, 413 above it). An aes128gcm body adds 86 bytes of
 * header (salt, record size, sender key), a padding delimiter and a 16-byte tag to the JSON, so this is the most
 * JSON that fits.
 */
export const MAX_PAYLOAD_BYTES = 4096 - 86 - 1 - 16

/** Encrypts `payload` for `subscription`, signs a VAPID JWT for the endpoint's origin and POSTs it. Never throws. */
export async function sendPush(
  subscription: PushSubscriptionKeys,
  payload: PushPayload,
  options: SendPushOptions,
): Promise<PushAttempt> {
  const started = Date.now()
  const done = (fields: Partial<PushAttempt>): PushAttempt => ({
    ok: false,
    status_code: null,
    gone: false,
    retryable: false,
    retry_after_seconds: null,
    error: null,
    ...fields,
    duration_ms: Date.now() - started,
  })

  const json = JSON.stringify(payload)
  const size = new TextEncoder().encode(json).byteLength
  if (size > MAX_PAYLOAD_BYTES) {
    return done({
      error: `the push payload is ${size} bytes of JSON; push services take at most ${MAX_PAYLOAD_BYTES} (4 KB encrypted)`,
    })
  }

  let origin: string
  try {
    origin = new URL(subscription.endpoint).origin
  } catch {
    return done({ error: 'the subscription endpoint is not a URL' })
  }
  if (options.guard) {
    const checked = await checkOutbound(subscription.endpoint, options.guard.mode, options.guard.resolve)
    if (!checked.ok) return done({ error: checked.reason })
  }

  let request: webPush.RequestDetails
  try {
    request = webPush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: subscription.keys },
      json,
      {
        contentEncoding: 'aes128gcm',
        vapidDetails: options.vapid,
        TTL: options.ttlSeconds ?? DEFAULT_TTL_SECONDS,
        urgency: options.urgency ?? 'normal',
        ...(options.topic === undefined ? {} : { topic: options.topic }),
      },
    )
  } catch (error) {
    return done({ error: `could not build the push request: ${redact(error, subscription, options.vapid)}` })
  }

  // Content-Length is left to fetch, which computes it from the body (undici refuses a mismatched one).
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'content-length') headers.set(name, String(value))
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const send = options.fetch ?? fetch
  let response: Response
  try {
    response = await send(request.endpoint, {
      method: 'POST',
      headers,
      body: request.body ? new Uint8Array(request.body) : null,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    })
  } catch (error) {
    return done({ retryable: true, error: networkError(error, origin, timeoutMs) })
  }
  // The body is small (an error text at most) and unread it would hold the connection open.
  const text = await response.text().catch(() => '')
  const status = response.status
  if (status >= 200 && status < 300) return done({ ok: true, status_code: status })
  const gone = status === 404 || status === 410
  const retryable = status === 429 || status >= 500
  return done({
    status_code: status,
    gone,
    retryable,
    retry_after_seconds: retryable ? retryAfterSeconds(response.headers.get('retry-after')) : null,
    error: `the push service at ${origin} answered ${status}${describe(status)}${snippet(text)}`,
  })
}

function describe(status: number): string {
  if (status === 404 || status === 410) return ' (the subscription has expired or was revoked)'
  if (status === 413) return ' (payload too large)'
  if (status === 429) return ' (too many requests)'
  if (status === 400 || status === 403) return ' (rejected: check the VAPID keys and subject)'
  return ''
}

/** The push service's own words help (e.g. `BadJwtToken`); capped and on one line. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 200)
  return line ? `: ${line}` : ''
}

/** `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}

function networkError(error: unknown, origin: string, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return `the push service at ${origin} did not answer within ${timeoutMs} ms`
  }
  const code = err?.cause?.code
  if (code === 'ECONNREFUSED') return `could not reach the push service at ${origin}: connection refused`
  const detail = code ?? err?.cause?.message ?? err?.message ?? String(error)
  return `could not reach the push service at ${origin}: ${detail}`
}

/** web-push's messages are about shapes, but make sure no key material rides along in one. */
function redact(error: unknown, subscription: PushSubscriptionKeys, vapid: VapidKeys): string {
  let message = error instanceof Error ? error.message : String(error)
  for (const secret of [vapid.privateKey, subscription.keys.auth, subscription.endpoint]) {
    if (secret) message = message.split(secret).join('[redacted]')
  }
  return message
}
