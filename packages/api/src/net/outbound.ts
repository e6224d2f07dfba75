/**
 * @module The one helper for calls to a provider's API (a connection check against Meta, Telegram or Twilio): the
 * outbound URL guard, no redirects, a deadline over the whole call (the guard's DNS check and the body included),
 * and an answer that is a value. Web-standard only (`fetch`, streams, timers), so it runs on Node and in workerd.
 *
 * Whatever the far side does (refuses the connection, never answers, redirects, answers a huge body slowly) comes
 * back as an {@link OutboundResult}; nothing here throws for the network. `reason` is for people and names the host
 * only: a URL's path can hold a credential (Telegram's `/bot<token>/`), so it is never repeated.
 */

import { startDeadline, timedOut, within } from './deadline.ts'
import { checkOutbound, type Resolve, type UrlMode } from './url-guard.ts'

/** Why no usable answer arrived; `http` when one did, with a status outside 2xx. */
export type OutboundError = 'refused' | 'network' | 'timeout' | 'redirect' | 'http'

export interface OutboundResult {
  /** A 2xx answer arrived. */
  ok: boolean
  /** The answer's status; null when none arrived. */
  status: number | null
  /** The answer's body as text (at most {@link maxBodyBytes}); null when none arrived. */
  body: string | null
  /** null on success. `refused`: the URL guard refused the URL or address (a private one in production). */
  error: OutboundError | null
  /** What went wrong, for people (naming the host, never the path); null on success. */
  reason: string | null
}

export interface OutboundOptions {
  mode: UrlMode
  /** The deadline for the whole call; {@link defaultTimeoutMs} unless given. */
  timeoutMs?: number
  /** Resolves the host just before the call, so DNS rebinding cannot reach a private address; Node passes one. */
  resolve?: Resolve
  fetch?: typeof fetch
}

export const defaultTimeoutMs = 10_000
/** More than any connection check's answer; a larger body is cut there. */
export const maxBodyBytes = 64 * 1024

/** Calls `url` once, as {@link OutboundOptions} say; see the module comment. */
export async function outboundFetch(
  url: string,
  init: Omit<RequestInit, 'redirect' | 'signal'>,
  options: OutboundOptions,
): Promise<OutboundResult> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const { promise: deadline, signal, clear } = startDeadline(timeoutMs)
  const fail = (error: OutboundError, reason: string, status: number | null = null): OutboundResult => ({
    ok: false,
    status,
    body: null,
    error,
    reason,
  })
  const late = `No answer within ${timeoutMs / 1000} s`
  try {
    const checked = await within(checkOutbound(url, options.mode, options.resolve), deadline)
    if (checked === timedOut) return fail('timeout', late)
    // A name that does not resolve is the network failing; any other refusal is the guard's.
    if (!checked.ok) return fail(checked.issue === 'url_unresolvable' ? 'network' : 'refused', checked.reason)
    const target = checked.url
    const doFetch = options.fetch ?? fetch
    const sent = await within(
      (async (): Promise<{ response: Response } | { failed: unknown }> => {
        try {
          return {
            response: await doFetch(target.href, { ...init, redirect: 'manual', signal: signal }),
          }
        } catch (failed) {
          return { failed }
        }
      })(),
      deadline,
      (value) => {
        if ('response' in value) void value.response.body?.cancel().catch(() => {})
      },
    )
    if (sent === timedOut || (!('response' in sent) && signal.aborted)) return fail('timeout', late)
    if (!('response' in sent)) return fail('network', describeFailure(sent.failed, target))
    const { response } = sent
    const status = response.status
    if (status >= 300 && status < 400) {
      void response.body?.cancel().catch(() => {})
      return fail(
        'redirect',
        `${target.host} answered a redirect (HTTP ${status}), which is not followed`,
        status,
      )
    }
    const body = await readText(response.body, deadline, signal)
    if (body === timedOut) return fail('timeout', late, status)
    if (status >= 200 && status < 300) return { ok: true, status, body, error: null, reason: null }
    return { ok: false, status, body, error: 'http', reason: `${target.host} answered HTTP ${status}` }
  } finally {
    clear()
  }
}

/** The body as UTF-8 text, at most {@link maxBodyBytes}, or {@link timedOut} when it does not end in time. */
async function readText(
  body: ReadableStream<Uint8Array> | null,
  deadline: Promise<typeof timedOut>,
  signal: AbortSignal,
): Promise<string | typeof timedOut> {
  if (!body) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    while (length < maxBodyBytes) {
      const step = await within(reader.read(), deadline)
      if (step === timedOut) return timedOut
      if (step.done) break
      chunks.push(step.value.subarray(0, maxBodyBytes - length))
      length += Math.min(step.value.length, maxBodyBytes - length)
    }
  } catch {
    // The deadline aborted the read; else the connection broke mid-body, and what arrived is still worth reading.
    if (signal.aborted) return timedOut
  } finally {
    reader.cancel().catch(() => {})
  }
  const bytes = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return new TextDecoder().decode(bytes)
}

/** A network failure in words, from the codes Node's fetch puts in `cause`; the host only, never the path. */
function describeFailure(error: unknown, url: URL): string {
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
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return `The TLS certificate of ${host} was not accepted (${code})`
  }
  return code ? `Could not reach ${host} (${code})` : `Could not reach ${host}`
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, errors } = error as { code?: unknown; errors?: unknown }
  if (typeof code === 'string') return code
  // Happy Eyeballs: one error per address tried, all of the same kind as a rule.
  return Array.isArray(errors) ? errorCode(errors[0]) : undefined
}
