/** @module One delivery attempt over real HTTP to a recording receiver, verified as a receiver would verify it. */
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Resolve } from '../../net/url-guard.ts'
import { type Receiver, startReceiver } from '../../test-utils/receiver.ts'
import { type DeliveryAttempt, maxResponseBodyBytes, type SendOptions, sendWebhook } from './send.ts'
import { generateWebhookSecret } from './signature.ts'

const userSecret = 'a user-entered secret of 40 characters!!'
const demo: SendOptions = { mode: 'demo', timeoutMs: 5000 }
const receivers: Receiver[] = []

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args)
  receivers.push(started)
  return started
}

afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(receivers.splice(0).map((r) => r.close()))
})

function message(body: unknown = { type: 'contact.created', data: { id: 'ct_1' } }) {
  return { id: 'msg_31f8', timestamp: new Date(), body: JSON.stringify(body) }
}

function verify(secret: string, request: { body: string; headers: Record<string, string> }) {
  const webhook = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' })
  return webhook.verify(request.body, request.headers)
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length

describe('sendWebhook', () => {
  it('POSTs the signed message, which the receiver verifies with a whsec_ secret', async () => {
    const hook = await receiver(() => ({ status: 200, body: '{"received":true}' }))
    const secret = generateWebhookSecret()
    const msg = message()
    const attempt = await sendWebhook({ url: `${hook.url}/hooks?team=1` }, msg, [secret], demo)

    expect(attempt).toMatchObject({
      ok: true,
      status_code: 200,
      response_body: '{"received":true}',
      error: null,
      retry_after_seconds: null,
      gone: false,
    })
    expect(attempt.duration_ms).toBeGreaterThanOrEqual(0)
    expect(hook.requests).toHaveLength(1)
    const [received] = hook.requests
    expect(received).toMatchObject({ method: 'POST', path: '/hooks?team=1', body: msg.body })
    expect(received?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'ConnectGain-Webhooks/1.0',
      'webhook-id': 'msg_31f8',
    })
    expect(verify(secret, received!)).toEqual(JSON.parse(msg.body))
    const timestamp = Number(received?.headers['webhook-timestamp'])
    expect(timestamp).toBe(Math.floor(msg.timestamp.getTime() / 1000))
    expect(Math.abs(Date.now() / 1000 - timestamp)).toBeLessThan(5 * 60)
  })

  it('signs with a user-entered secret that the receiver verifies with format "raw"', async () => {
    const hook = await receiver()
    const attempt = await sendWebhook({ url: hook.url }, message(), [userSecret], {
      ...demo,
      userAgent: 'Acme-Hooks/2',
    })
    expect(attempt.ok).toBe(true)
    expect(attempt.response_body).toBe('ok')
    expect(hook.requests[0]?.headers['user-agent']).toBe('Acme-Hooks/2')
    expect(verify(userSecret, hook.requests[0]!)).toMatchObject({ type: 'contact.created' })
  })

  it('during a rotation sends both signatures, and either secret alone verifies', async () => {
    const hook = await receiver()
    const oldSecret = generateWebhookSecret()
    await sendWebhook({ url: hook.url }, message(), [oldSecret, userSecret], demo)
    const [received] = hook.requests
    expect(received?.headers['webhook-signature']?.split(' ')).toHaveLength(2)
    expect(() => verify(oldSecret, received!)).not.toThrow()
    expect(() => verify(userSecret, received!)).not.toThrow()
    expect(() => verify(generateWebhookSecret(), received!)).toThrow('No matching signature found')
  })

  it('keeps the webhook-id as given on every attempt, so receivers can dedupe', async () => {
    const hook = await receiver(() => ({ status: 503 }))
    const msg = message()
    await sendWebhook({ url: hook.url }, msg, [userSecret], demo)
    await sendWebhook({ url: hook.url }, { ...msg, timestamp: new Date() }, [userSecret], demo)
    expect(hook.requests.map((r) => r.headers['webhook-id'])).toEqual(['msg_31f8', 'msg_31f8'])
  })

  it('sends a body with non-ASCII characters byte for byte as signed', async () => {
    const hook = await receiver()
    const secret = generateWebhookSecret()
    const msg = message({ name: 'Zoë Ørsted 🦊', note: 'line\nbreak' })
    await sendWebhook({ url: hook.url }, msg, [secret], demo)
    expect(hook.requests[0]?.body).toBe(msg.body)
    expect(verify(secret, hook.requests[0]!)).toEqual({ name: 'Zoë Ørsted 🦊', note: 'line\nbreak' })
  })
})

describe('sendWebhook when the receiver fails', () => {
  const send = (url: string, options: Partial<SendOptions> = {}): Promise<DeliveryAttempt> =>
    sendWebhook({ url }, message(), [userSecret], { ...demo, ...options })

  it('reports a 500 as a failure with the status and the body', async () => {
    const hook = await receiver(() => ({ status: 500, body: 'database down' }))
    expect(await send(hook.url)).toMatchObject({
      ok: false,
      status_code: 500,
      response_body: 'database down',
      error: 'The receiver answered HTTP 500 Internal Server Error',
      gone: false,
      retry_after_seconds: null,
    })
  })

  it('reports a 410 as gone', async () => {
    const hook = await receiver(() => ({ status: 410, body: '' }))
    const attempt = await send(hook.url)
    expect(attempt).toMatchObject({ ok: false, status_code: 410, gone: true, response_body: '' })
    expect(attempt.error).toContain('HTTP 410')
  })

  it('reads Retry-After given in seconds, and caps it at a day', async () => {
    const hook = await receiver(() => ({ status: 429, headers: { 'retry-after': '120' } }))
    expect(await send(hook.url)).toMatchObject({ ok: false, status_code: 429, retry_after_seconds: 120 })
    hook.respondWith(() => ({ status: 503, headers: { 'retry-after': '9999999' } }))
    expect((await send(hook.url)).retry_after_seconds).toBe(24 * 60 * 60)
    hook.respondWith(() => ({ status: 429, headers: { 'retry-after': 'soon' } }))
    expect((await send(hook.url)).retry_after_seconds).toBeNull()
    hook.respondWith(() => ({ status: 429, headers: { 'retry-after': '1.5' } }))
    expect((await send(hook.url)).retry_after_seconds).toBeNull()
  })

  it('reads Retry-After given as an HTTP-date, relative to now', async () => {
    const now = Date.UTC(2026, 6, 1, 12, 0, 0)
    const hook = await receiver(() => ({
      status: 429,
      headers: { 'retry-after': new Date(now + 90_000).toUTCString() },
    }))
    expect(await send(hook.url, { now: () => now })).toMatchObject({
      status_code: 429,
      retry_after_seconds: 90,
    })
    hook.respondWith(() => ({ status: 429, headers: { 'retry-after': new Date(now - 5000).toUTCString() } }))
    expect((await send(hook.url, { now: () => now })).retry_after_seconds).toBe(0)
  })

  it('does not follow a redirect: one request, none to the target, and the failure names the target', async () => {
    const target = await receiver()
    const hook = await receiver(() => ({ status: 302, headers: { location: `${target.url}/elsewhere` } }))
    const attempt = await send(`${hook.url}/hook`)
    expect(attempt).toMatchObject({
      ok: false,
      status_code: 302,
      error: `Redirects are not followed (HTTP 302 to ${target.url}/elsewhere)`,
    })
    expect(hook.requests).toHaveLength(1)
    expect(target.requests).toHaveLength(0)
  })

  it('resolves a relative Location against the endpoint and handles a missing one', async () => {
    const hook = await receiver(() => ({ status: 307, headers: { location: '/moved' } }))
    expect((await send(`${hook.url}/hook`)).error).toBe(
      `Redirects are not followed (HTTP 307 to ${hook.url}/moved)`,
    )
    hook.respondWith(() => ({ status: 301 }))
    expect((await send(hook.url)).error).toBe(
      'Redirects are not followed (HTTP 301 without a Location header)',
    )
    expect(hook.requests).toHaveLength(2)
  })

  it('times out on a receiver that never answers', async () => {
    const hook = await receiver(() => ({ hang: true }))
    const attempt = await send(hook.url, { timeoutMs: 300 })
    expect(attempt).toMatchObject({
      ok: false,
      status_code: null,
      response_body: null,
      error: 'Timed out after 0.3 s',
    })
    expect(hook.requests).toHaveLength(1)
  })

  it('gives up after 15 s by default', async () => {
    vi.useFakeTimers()
    const neverAnswers: typeof fetch = (_, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )
    const pending = sendWebhook({ url: 'https://hooks.example.com/' }, message(), [userSecret], {
      mode: 'production',
      fetch: neverAnswers,
    })
    await vi.advanceTimersByTimeAsync(15_000)
    expect((await pending).error).toBe('Timed out after 15 s')
  })

  it('times out even if the fetch it was given ignores the abort signal', async () => {
    const deaf: typeof fetch = () => new Promise(() => {})
    expect((await send('https://hooks.example.com/', { fetch: deaf, timeoutMs: 50 })).error).toBe(
      'Timed out after 0.05 s',
    )
  })

  it('names a refused connection, without a stack trace', async () => {
    const closed = await startReceiver()
    await closed.close()
    const attempt = await send(`${closed.url}/hook`)
    const host = new URL(closed.url).host
    expect(attempt).toMatchObject({ ok: false, status_code: null, error: `Connection refused by ${host}` })
  })

  it('names a host that does not resolve', async () => {
    const attempt = await send('http://no-such-host.invalid/hook')
    expect(attempt.error).toMatch(
      /^The host no-such-host\.invalid could not be resolved \((ENOTFOUND|EAI_AGAIN)\)$/,
    )
  })

  it('reads only the first 2048 bytes of a 1 MB answer', async () => {
    const hook = await receiver(() => ({ status: 200, body: 'x'.repeat(1024 * 1024) }))
    const attempt = await send(hook.url)
    expect(attempt.ok).toBe(true)
    expect(attempt.response_body).toBe('x'.repeat(maxResponseBodyBytes))
  })

  it('returns once it has 2048 bytes, though the receiver keeps the answer open', async () => {
    const hook = await receiver(() => ({ status: 500, body: 'y'.repeat(4096), keepOpen: true }))
    const attempt = await send(hook.url, { timeoutMs: 10_000 })
    expect(attempt).toMatchObject({ ok: false, status_code: 500, response_body: 'y'.repeat(2048) })
    // It did not sit out the deadline waiting for the end of the body.
    expect(attempt.duration_ms).toBeLessThan(10_000)
  })

  it('keeps what arrived of a body that stalls before the deadline', async () => {
    const hook = await receiver(() => ({ status: 200, body: 'partial', keepOpen: true }))
    expect(await send(hook.url, { timeoutMs: 300 })).toMatchObject({
      ok: true,
      status_code: 200,
      response_body: 'partial',
      error: null,
    })
  })

  it('cuts a multi-byte UTF-8 answer at a character boundary', async () => {
    // 1 + 3 × 682 = 2047 bytes; the 683rd euro sign would straddle the limit.
    const hook = await receiver(() => ({ status: 400, body: `a${'€'.repeat(1000)}` }))
    const attempt = await send(hook.url)
    expect(attempt.response_body).toBe(`a${'€'.repeat(682)}`)
    expect(utf8Length(attempt.response_body ?? '')).toBe(2047)
    hook.respondWith(() => ({ status: 400, body: `${'🦊'.repeat(511)}ab🦊` })) // 2044 + 2 bytes, then 4
    expect((await send(hook.url)).response_body).toBe(`${'🦊'.repeat(511)}ab`)
  })

  it('never puts a secret in the error, even when the HTTP client echoes one', async () => {
    const secret = generateWebhookSecret()
    const leaky: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error(`bad header: ${secret} ${secret.slice(6)}`) })
    }
    const attempt = await sendWebhook({ url: 'https://hooks.example.com/' }, message(), [secret], {
      mode: 'production',
      fetch: leaky,
    })
    expect(attempt.error).toBe('Could not deliver to hooks.example.com: bad header: [secret] [secret]')
  })
})

describe('sendWebhook and the URL guard', () => {
  const toLoopback: Resolve = async () => ['127.0.0.1']

  it('refuses a name that resolves to a private address in production, before any request', async () => {
    const fetchSpy = vi.fn<typeof fetch>()
    const attempt = await sendWebhook({ url: 'https://hooks.example.com/in' }, message(), [userSecret], {
      mode: 'production',
      resolve: toLoopback,
      fetch: fetchSpy,
    })
    expect(attempt).toMatchObject({ ok: false, status_code: null, response_body: null, gone: false })
    expect(attempt.error).toMatch(
      /^The host hooks\.example\.com resolves to 127\.0\.0\.1, which is not a public/,
    )
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('refuses the local receiver in production, so nothing reaches it', async () => {
    const hook = await receiver()
    const withDns = await sendWebhook({ url: hook.url }, message(), [userSecret], {
      mode: 'production',
      resolve: toLoopback,
    })
    const withoutDns = await sendWebhook({ url: hook.url }, message(), [userSecret], { mode: 'production' })
    expect(withDns.error).toMatch(/^Use an https:\/\/ URL/)
    expect(withoutDns.error).toMatch(/^Use an https:\/\/ URL/)
    expect(hook.requests).toHaveLength(0)
  })

  it('allows the same resolution in demo mode and reaches the receiver', async () => {
    const hook = await receiver()
    const resolve = vi.fn(toLoopback)
    const url = hook.url.replace('127.0.0.1', 'receiver.test')
    const viaName: typeof fetch = (_input, init) => fetch(hook.url, init)
    const attempt = await sendWebhook({ url }, message(), [userSecret], {
      mode: 'demo',
      resolve,
      fetch: viaName,
    })
    expect(attempt.ok).toBe(true)
    expect(resolve).toHaveBeenCalledWith('receiver.test')
    expect(hook.requests).toHaveLength(1)
  })

  it('reports a name that does not resolve as the guard words it', async () => {
    const fetchSpy = vi.fn<typeof fetch>()
    const attempt = await sendWebhook({ url: 'https://gone.example.com/' }, message(), [userSecret], {
      mode: 'production',
      resolve: async () => {
        throw new Error('getaddrinfo ENOTFOUND gone.example.com')
      },
      fetch: fetchSpy,
    })
    expect(attempt.error).toMatch(/^The host gone\.example\.com could not be resolved/)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('refuses a URL that is not one', async () => {
    const attempt = await sendWebhook({ url: 'not a url' }, message(), [userSecret], demo)
    expect(attempt).toMatchObject({ ok: false, status_code: null })
    expect(attempt.error).toMatch(/not a valid absolute URL/)
  })
})
