/** @module The outbound helper over real HTTP on 127.0.0.1: answers, and every failure as a value, never a throw. */
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../test-utils/node-host.ts'
import { type Receiver, startReceiver } from '../test-utils/receiver.ts'
import { maxBodyBytes, outboundFetch } from './outbound.ts'
import type { Resolve } from './url-guard.ts'

const receivers: Receiver[] = []
async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args)
  receivers.push(started)
  return started
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()))
})

const demo = { mode: 'demo' as const, timeoutMs: 2000 }

describe('outboundFetch', () => {
  it('answers a 2xx with its status and body, sending the request as given', async () => {
    const far = await receiver(() => ({ status: 200, body: '{"name":"Acme"}' }))
    const result = await outboundFetch(
      `${far.url}/v23.0/123?fields=name`,
      { method: 'GET', headers: { authorization: 'Bearer t0ken' } },
      demo,
    )
    expect(result).toEqual({ ok: true, status: 200, body: '{"name":"Acme"}', error: null, reason: null })
    expect(far.requests).toMatchObject([{ method: 'GET', path: '/v23.0/123?fields=name' }])
    expect(far.requests[0]?.headers.authorization).toBe('Bearer t0ken')
  })

  it('answers a non-2xx as error http, with its body to read the provider error from', async () => {
    const far = await receiver(() => ({ status: 400, body: '{"error":{"code":190}}' }))
    const result = await outboundFetch(`${far.url}/x`, { method: 'GET' }, demo)
    expect(result).toMatchObject({ ok: false, status: 400, body: '{"error":{"code":190}}', error: 'http' })
    expect(result.reason).toBe(`${new URL(far.url).host} answered HTTP 400`)
  })

  it('never follows a redirect: one request, error redirect', async () => {
    const far = await receiver(() => ({ status: 302, headers: { location: 'http://169.254.169.254/' } }))
    const result = await outboundFetch(`${far.url}/moved`, { method: 'GET' }, demo)
    expect(result).toMatchObject({ ok: false, status: 302, error: 'redirect' })
    expect(far.requests).toHaveLength(1)
  })

  it('cuts a large body at maxBodyBytes', async () => {
    const far = await receiver(() => ({ body: 'x'.repeat(maxBodyBytes * 2) }))
    const result = await outboundFetch(`${far.url}/big`, { method: 'GET' }, demo)
    expect(result.ok).toBe(true)
    expect(result.body).toHaveLength(maxBodyBytes)
  })

  it('a server that never answers is timeout by the deadline', async () => {
    const far = await receiver(() => ({ hang: true }))
    const result = await outboundFetch(`${far.url}/slow`, { method: 'GET' }, { mode: 'demo', timeoutMs: 200 })
    expect(result).toEqual({
      ok: false,
      status: null,
      body: null,
      error: 'timeout',
      reason: 'No answer within 0.2 s',
    })
  })

  it('a body that never ends is timeout too', async () => {
    const far = await receiver(() => ({ status: 200, body: '{"par', keepOpen: true }))
    const result = await outboundFetch(
      `${far.url}/stall`,
      { method: 'GET' },
      { mode: 'demo', timeoutMs: 200 },
    )
    expect(result).toMatchObject({ ok: false, status: 200, error: 'timeout' })
  })

  it('a closed port is network, naming the host and never the path', async () => {
    const port = await freePort()
    const result = await outboundFetch(`http://127.0.0.1:${port}/botSECRET/getMe`, { method: 'GET' }, demo)
    expect(result).toMatchObject({ ok: false, status: null, error: 'network' })
    expect(result.reason).toBe(`Connection refused by 127.0.0.1:${port}`)
  })

  it('a name that does not resolve is network; the resolver runs before any request', async () => {
    const resolve: Resolve = async () => {
      throw new Error('ENOTFOUND')
    }
    const result = await outboundFetch(
      'https://api.example.invalid/x',
      { method: 'GET' },
      { ...demo, resolve },
    )
    expect(result).toMatchObject({ ok: false, error: 'network' })
    expect(result.reason).toMatch(/could not be resolved/)
  })

  it('production refuses a private address before connecting (refused), and plain http', async () => {
    const far = await receiver()
    const production = { mode: 'production' as const, timeoutMs: 2000 }
    const privateResult = await outboundFetch(
      `https://127.0.0.1:${new URL(far.url).port}/`,
      { method: 'GET' },
      production,
    )
    expect(privateResult).toMatchObject({ ok: false, status: null, error: 'refused' })
    expect(privateResult.reason).toMatch(/not public \(loopback\)/)
    const http = await outboundFetch('http://api.example.com/', { method: 'GET' }, production)
    expect(http).toMatchObject({ ok: false, error: 'refused' })
    expect(far.requests).toHaveLength(0)
  })

  it('a name resolving to a private address is refused in production (DNS rebinding)', async () => {
    const resolve: Resolve = async () => ['10.0.0.7']
    const result = await outboundFetch(
      'https://graph.example.com/v1',
      { method: 'GET' },
      { mode: 'production', timeoutMs: 2000, resolve },
    )
    expect(result).toMatchObject({ ok: false, error: 'refused' })
    expect(result.reason).toMatch(/resolves to 10\.0\.0\.7/)
  })
})
