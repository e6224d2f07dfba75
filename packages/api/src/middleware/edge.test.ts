/** @module What every response carries (CORS, X-Request-Id) and the 1 MB body limit, however the body arrives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../test-utils/index.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const EXPOSED = [
  'Content-Range',
  'Preference-Applied',
  'X-Request-Id',
  'WWW-Authenticate',
  'RateLimit',
  'RateLimit-Policy',
  'Retry-After',
  'Idempotent-Replayed',
]
const orgPath = () => `/rest/v1/organizations?id=eq.${t.orgA.id}`

function expectCors(res: Response) {
  expect(res.headers.get('access-control-allow-origin')).toBe('*')
  expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(EXPOSED)
}

/** A body that arrives in chunks without a Content-Length, as a chunked upload does. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"'))
      if (sent >= bytes) {
        controller.enqueue(new TextEncoder().encode('"}'))
        controller.close()
        return
      }
      controller.enqueue(chunk.subarray(0, Math.min(chunk.length, bytes - sent)))
      sent += chunk.length
    },
  })
}

describe('CORS and request ids', () => {
  it('a success, a JSON error and a 404 all carry CORS headers and a request id', async () => {
    for (const res of [
      await t.request('GET', '/health'),
      await t.request('GET', orgPath()),
      await t.request('GET', '/no/such/route'),
    ]) {
      expectCors(res)
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
    const unauthorized = await t.request('GET', orgPath())
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.headers.get('www-authenticate')).toContain('Bearer')
  })

  it('echoes a sane X-Request-Id and replaces one that is not', async () => {
    const given = await t.request('GET', '/health', { headers: { 'X-Request-Id': 'trace-42' } })
    expect(given.headers.get('x-request-id')).toBe('trace-42')
    const odd = await t.request('GET', '/health', { headers: { 'X-Request-Id': 'a b<c>' } })
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers a preflight itself: 204, the methods, headers and max age, and a request id', async () => {
    const res = await t.request('OPTIONS', orgPath(), {
      headers: { Origin: 'https://host.example', 'Access-Control-Request-Method': 'PATCH' },
    })
    expect(res.status).toBe(204)
    expectCors(res)
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST,PATCH,DELETE,OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Authorization,apikey,Content-Type,Prefer,Range,Accept,X-Client-Info,Idempotency-Key',
    )
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(res.headers.get('x-request-id')).toBeTruthy()
  })
})

describe('the 1 MB body limit', () => {
  const patch = (body: BodyInit, headers: Record<string, string> = {}) =>
    t.app.request(orgPath(), {
      method: 'PATCH',
      body,
      headers: {
        Authorization: `Bearer ${t.orgA.tokens.admin}`,
        'Content-Type': 'application/json',
        ...headers,
      },
      duplex: 'half',
    } as RequestInit)

  it('a declared Content-Length over 1 MB is 413 CG413 before the body is read', async () => {
    const res = await patch('{}', { 'Content-Length': String(1024 * 1024 + 1) })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ code: 'CG413' })
  })

  it('a streamed body without a length is counted: over 1 MB is 413, under it goes through', async () => {
    const big = await patch(streamed(1024 * 1024 + 1))
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ code: 'CG413', message: expect.stringContaining('1 MB') })
    const small = await patch(streamed(60))
    expect(small.status).toBe(204) // counted, then read and applied
    const [org] = (await (await t.request('GET', orgPath(), { token: t.orgA.tokens.admin })).json()) as {
      name: string
    }[]
    expect(org?.name).toHaveLength(60)
  })
})
