/**
 * @module One webhook delivery attempt: check the URL, POST the signed message, and describe what the receiver
 * did as a value. Web-standard only (`fetch`, streams, timers), so it runs on Node and in workerd alike.
 *
 * Whatever the receiver does (refuses the connection, never answers, redirects, answers 1 GB slowly) comes
 * back as a {@link DeliveryAttempt}; only a bug here (an invalid secret, a broken user agent) throws. The
 * whole attempt, the DNS check and the response body included, ends by the deadline, and at most
 * {@link maxResponseBodyBytes} of the body are read before the stream is cancelled.
 */

import { startDeadline, timedOut, within } from '../../net/deadline.ts'
import { checkOutbound, type Resolve, type UrlMode } from '../../net/url-guard.ts'
import { signatureHeaders } from './signature.ts'

export interface DeliveryAttempt {
  /** A 2xx answer. */
  ok: boolean
  /** `null` when no answer arrived (refused by the guard, connection failed, timed out). */
  status_code: number | null
  duration_ms: number
  /** The first {@link maxResponseBodyBytes} bytes of the answer as UTF-8, cut at a character boundary. */
  response_body: string | null
  /** Why the attempt failed, for people; `null` when it succeeded. Never contains a secret. */
  error: string | null
  /** From the answer's `Retry-After` (seconds or an HTTP-date), capped at {@link maxRetryAfterSeconds}. */
  retry_after_seconds: number | null
  /** HTTP 410: the receiver asks not to be sent more. */
  gone: boolean
}

export interface WebhookMessage {
  /** The same on every attempt: receivers dedupe on it. */
  id: string
  /**
   * Signed as `webhook-timestamp`. Pass the time of this attempt, not when the event happened: receivers
   * reject timestamps more than 5 minutes off, so a retry an hour later must carry a fresh one.
   */
  timestamp: Date
  /** The JSON body exactly as sent and signed. */
  body: string
}

export interface SendOptions {
  mode: UrlMode
  /** Resolves the host just before sending so DNS rebinding cannot reach a private address; Node passes one. */
  resolve?: Resolve
  fetch?: typeof fetch
  /** The deadline for the whole attempt; {@link defaultTimeoutMs} unless given. */
  timeoutMs?: number
  userAgent?: string
  /** Milliseconds since the epoch; for `duration_ms` and a `Retry-After` date. */
  now?: () => number
}

export const defaultTimeoutMs = 15_000
export const defaultUserAgent = 'ConnectGain-Webhooks/1.0'
export const maxResponseBodyBytes = 2048
export const maxRetryAfterSeconds = 24 * 60 * 60

/** POSTs one message to one endpoint, signed with every secret given (two during a rotation). */
export async function sendWebhook(
  endpoint: { url: string },
  message: WebhookMessage,
  secrets: readonly string[],
  options: SendOptions,
): Promise<DeliveryAttempt> {
  const now = options.now ?? Date.now
  const started = now()
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const timeoutError = `Timed out after ${timeoutMs / 1000} s`
  const finish = (fields: Partial<DeliveryAttempt>): DeliveryAttempt => ({
    ok: false,
    status_code: null,
    response_body: null,
    retry_after_seconds: null,
    gone: false,
    ...fields,
    error: fields.error ? scrub(fields.error, secrets) : null,
    duration_ms: Math.max(0, Math.round(now() - started)),
  })
  // Outside the try: an invalid secret is a bug to throw, not a failed delivery to report.
  const headers = {
    'content-type': 'application/json',
    'user-agent': options.userAgent ?? defaultUserAgent,
    ...signatureHeaders({ ...message, secrets }),
  }

  const { promise: deadline, signal, clear } = startDeadline(timeoutMs)
  try {
    const checked = await within(checkOutbound(endpoint.url, options.mode, options.resolve), deadline)
    if (checked === timedOut) return finish({ error: timeoutError })
    if (!checked.ok) return finish({ error: checked.reason })
    const url = checked.url

    const doFetch = options.fetch ?? fetch
    const init: RequestInit = {
      method: 'POST',
      headers,
      body: message.body,
      redirect: 'manual',
      signal: signal,
    }
    const sent = await within(
      (async (): Promise<{ response: Response } | { failed: unknown }> => {
        try {
          return { response: await doFetch(url.href, init) }
        } catch (failed) {
          return { failed }
        }
      })(),
      deadline,
      (late) => {
        if ('response' in late) void late.response.body?.cancel().catch(() => {})
      },
    )
    if (sent === timedOut || (!('response' in sent) && signal.aborted)) {
      return finish({ error: timeoutError })
    }
    if (!('response' in sent)) return finish({ error: describeFetchError(sent.failed, url) })

    const { response } = sent
    const response_body = await readPrefix(response.body, deadline)
    const status = response.status
    if (status >= 200 && status < 300) return finish({ ok: true, status_code: status, response_body })
    const common = {
      status_code: status,
      response_body,
      retry_after_seconds: parseRetryAfter(response.headers.get('retry-after'), now()),
      gone: status === 410,
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location')
      const target = location === null ? 'without a Location header' : `to ${clip(absolute(location, url))}`
      return finish({ ...common, error: `Redirects are not followed (HTTP ${status} ${target})` })
    }
    const text = response.statusText ? ` ${clip(response.statusText, 80)}` : ''
    const gone = status === 410 ? '; it asks not to be sent more messages' : ''
    return finish({ ...common, error: `The receiver answered HTTP ${status}${text}${gone}` })
  } finally {
    clear()
  }
}

/**
 * Up to {@link maxResponseBodyBytes} of the body, then the stream is cancelled so a huge or endless answer
 * cannot hold the sender. A body that stalls or breaks keeps what had arrived.
 */
async function readPrefix(
  body: ReadableStream<Uint8Array> | null,
  deadline: Promise<typeof timedOut>,
): Promise<string> {
  if (!body) return ''
  const reader = body.getReader()
  const bytes = new Uint8Array(maxResponseBodyBytes)
  let length = 0
  let complete = false
  try {
    while (length < maxResponseBodyBytes) {
      const step = await within(reader.read(), deadline)
      if (step === timedOut) break
      if (step.done) {
        complete = true
        break
      }
      const take = Math.min(step.value.length, maxResponseBodyBytes - length)
      bytes.set(step.value.subarray(0, take), length)
      length += take
    }
  } catch {
    // The connection broke mid-body: what arrived is still worth showing.
  } finally {
    // Not awaited: cancelling can wait on the network, and the answer is already decided.
    reader.cancel().catch(() => {})
  }
  // `stream: true` holds back a trailing incomplete character instead of turning it into U+FFFD.
  return new TextDecoder().decode(bytes.subarray(0, length), { stream: !complete })
}

/** `Retry-After` as seconds from now: a whole number of seconds or an HTTP-date; anything else is ignored. */
function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null
  const text = value.trim()
  let seconds: number
  if (/^\d+$/.test(text)) {
    seconds = Number(text)
  } else {
    // All three HTTP-date forms start with a day name; `Date.parse` alone would read `1.5` as a date.
    if (!/^(mon|tue|wed|thu|fri|sat|sun)/i.test(text)) return null
    const at = Date.parse(text)
    if (Number.isNaN(at)) return null
    seconds = Math.ceil((at - nowMs) / 1000)
  }
  return Math.min(Math.max(seconds, 0), maxRetryAfterSeconds)
}

/** A network failure in words, from the error codes Node's fetch puts in `cause`; never a stack trace. */
function describeFetchError(error: unknown, url: URL): string {
  const cause = error instanceof Error ? error.cause : undefined
  const code = errorCode(cause) ?? errorCode(error)
  const host = url.host
  switch (code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${host}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return `The host ${url.hostname} could not be resolved (${code})`
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `The connection to ${host} was closed before an answer arrived`
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `Could not connect to ${host} (timed out)`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `No route to ${host} (${code})`
  }
  const detail = messageOf(cause) ?? messageOf(error) ?? 'unknown error'
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return `The TLS certificate of ${host} was not accepted (${detail})`
  }
  if (detail === 'bad port') {
    return `The port ${url.port} is one fetch refuses to contact (a "bad port" in the Fetch standard); use another port`
  }
  return `Could not deliver to ${host}: ${detail}`
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, errors } = error as { code?: unknown; errors?: unknown }
  if (typeof code === 'string') return code
  // Happy Eyeballs: one error per address tried, all of the same kind as a rule.
  return Array.isArray(errors) ? errorCode(errors[0]) : undefined
}

function messageOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.message === '' || error.message === 'fetch failed') return undefined
  return clip(error.message.split('\n')[0] ?? '')
}

/** Defence in depth: no error text leaves here with a secret in it, whatever a client library echoed. */
function scrub(text: string, secrets: readonly string[]): string {
  const keys = secrets.flatMap((secret) =>
    secret.startsWith('whsec_') ? [secret, secret.slice(6)] : [secret],
  )
  return keys.reduce((out, key) => (key === '' ? out : out.replaceAll(key, '[secret]')), text)
}

function absolute(location: string, base: URL): string {
  try {
    return new URL(location, base).href
  } catch {
    return location
  }
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
