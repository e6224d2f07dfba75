/** @module Contract: health, the OpenAPI document and reference page, routing errors and malformed bodies (4xx, never 5xx). */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type Call,
  DEV_SESSION,
  devSession,
  type ExpectedError,
  expectError,
  expectJson,
  ORGS,
  SESSIONS,
  type Session,
  send,
  type Target,
} from './http.ts'

export function registerPlatformContract(target: Target): void {
  describe('health and documentation', () => {
    it('GET /health answers {"ok":true}', async () => {
      expect(await expectJson(await send(target, '/health'), 200)).toEqual({ ok: true })
    })

    it('GET /openapi.json is an OpenAPI 3.1 document that lists organizations', async () => {
      const doc = await expectJson<{ openapi: string; paths: Record<string, unknown> }>(
        await send(target, '/openapi.json'),
        200,
      )
      expect(doc.openapi).toBe('3.1.0')
      expect(doc.paths).toHaveProperty([ORGS])
    })

    it('answers CORS preflights from any origin, allowing the auth and PostgREST headers', async () => {
      const res = await send(target, ORGS, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://host.example',
          'Access-Control-Request-Method': 'PATCH',
          'Access-Control-Request-Headers': 'authorization,apikey,content-type,prefer',
        },
      })
      expect(res.status).toBeLessThan(300)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-allow-methods')).toContain('PATCH')
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase()
      for (const header of ['authorization', 'apikey', 'content-type', 'prefer'])
        expect(allowed).toContain(header)
    })

    it('GET /docs is an HTML page', async () => {
      const res = await send(target, '/docs')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await res.text()).toMatch(/<html/i)
    })
  })

  describe('routing errors', () => {
    it('an unknown function is 404 naming it', async () => {
      const res = await send(target, '/functions/v1/no-such-function', { method: 'POST', body: {} })
      await expectError(res, { status: 404, code: 'CG404', message: /no-such-function/ })
    })

    it('GET on a function is 405 with Allow: POST', async () => {
      const res = await send(target, SESSIONS)
      expect(res.headers.get('allow')).toBe('POST')
      await expectError(res, { status: 405, code: 'CG405', message: /POST/ })
    })

    it('an unknown route is 404', async () => {
      await expectError(await send(target, '/no/such/route'), { status: 404, code: 'CG404' })
    })

    it('an unknown resource is 404 PGRST205 naming it', async () => {
      const { access_token } = await devSession(target, 'owner')
      const res = await send(target, '/rest/v1/no_such_table', { token: access_token })
      await expectError(res, { status: 404, code: 'PGRST205', message: /no_such_table/ })
    })
  })

  describe('malformed query strings are 4xx envelopes, never 5xx', () => {
    let owner: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
    })

    it.each([
      ['?id=zz.1', 400, 'PGRST100', /unknown operator 'zz'/],
      ['?id=eq', 400, 'PGRST100', /missing '\.value'/],
      ['?select=id,', 400, 'PGRST100', /empty item/],
      ['?select=id::text', 400, 'PGRST100', /unsupported item/],
      ['?order=name.sideways', 400, 'PGRST100', /sideways/],
      ['?limit=-1', 400, 'PGRST100', /limit/],
      ['?limit=1&limit=2', 400, 'PGRST100', /only be given once/],
      ['?or=(id.eq.x', 400, 'PGRST100', /parenthesized/],
      ['?id=in.(a,"b)', 400, 'PGRST100', /unterminated/],
      ['?nope=eq.1', 400, '42703', /nope/],
    ])('GET %s → %i %s', async (query, status, code, message) => {
      await expectError(await send(target, `${ORGS}${query}`, { token: owner.access_token }), {
        status,
        code,
        message,
      })
    })

    it('a malformed Range header → 416 PGRST103', async () => {
      const res = await send(target, ORGS, { token: owner.access_token, headers: { Range: 'bytes=x-y' } })
      await expectError(res, { status: 416, code: 'PGRST103', message: /Range/ })
    })

    it('broken percent-encoding in a filter value is just a value that matches nothing', async () => {
      const res = await send(target, `${ORGS}?id=eq.%ff%fe`, { token: owner.access_token })
      expect(await expectJson(res, 200)).toEqual([])
    })
  })

  describe('malformed request bodies are 4xx envelopes, never 5xx', () => {
    let owner: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
    })
    /** One endpoint of each kind: a resource (session JWT), a public function, an API-key function. */
    const endpoints: [string, () => Call & { path: string }][] = [
      [
        'PATCH organizations',
        () => ({ path: `${ORGS}?id=eq.${owner.org_id}`, method: 'PATCH', token: owner.access_token }),
      ],
      ['POST dev/session', () => ({ path: DEV_SESSION, method: 'POST' })],
      ['POST sessions', () => ({ path: SESSIONS, method: 'POST', token: target().keys.active })],
    ]
    const notUtf8 = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) // {"n":"\xff\xfe"}
    const badBodies: [string, Call, ExpectedError][] = [
      ['invalid JSON', { body: '{"name":' }, { status: 400, code: 'PGRST102', message: /JSON/ }],
      ['a body that is not UTF-8', { body: notUtf8 }, { status: 400, code: 'PGRST102', message: /UTF-8/ }],
      ['an empty body', { body: '' }, { status: 400, code: 'PGRST102', message: /empty/i }],
      ['JSON that is not an object', { body: '[1,2]' }, { status: 400, code: 'PGRST102', message: /object/ }],
      [
        'a body over 1 MB',
        { body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) },
        { status: 413, code: 'CG413', message: /1 MB/ },
      ],
      [
        'a form-encoded body',
        { body: 'name=Acme', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
        { status: 400, code: 'PGRST102', message: /Content-Type/ },
      ],
    ]
    const cases = endpoints.flatMap(([where, endpoint]) =>
      badBodies.map(([what, call, want]) => [what, where, endpoint, call, want] as const),
    )

    it.each(cases)('%s to %s → its 4xx envelope', async (_what, _where, endpoint, call, want) => {
      const { path, ...request } = endpoint()
      await expectError(await send(target, path, { ...request, ...call }), want)
    })
  })
}
