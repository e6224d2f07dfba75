/** @module Idempotency-Key on Node: one creation per key, the answer replayed (and kept encrypted), 24 hours, errors not kept. */
import { apiKeys, idempotencyKeys, tags } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import { IDEMPOTENCY_LEASE_MS, IDEMPOTENCY_TTL_MS, pruneIdempotencyKeys } from './idempotency.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

interface NewKey {
  id: string
  api_key: string
  name: string
}

const GENERATE = '/functions/v1/generate-api-key'
const generateAs = (key: string | undefined, body: unknown, token: string) =>
  t.request('POST', GENERATE, { token, body, headers: key === undefined ? {} : { 'Idempotency-Key': key } })
const generate = (key: string | undefined, body: unknown, token = t.orgA.tokens.admin) =>
  generateAs(key, body, token)
const keysNamed = async (orgId: string, name: string) =>
  (await t.db.select().from(apiKeys).where(eq(apiKeys.org_id, orgId))).filter((k) => k.name === name)
const fresh = () => crypto.randomUUID()

describe('Idempotency-Key', () => {
  it('the same key twice creates one API key; the repeat answers the first answer, marked Idempotent-Replayed', async () => {
    const key = fresh()
    const first = await generate(key, { name: 'Twice' })
    expect(first.status).toBe(201)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    const created = (await first.json()) as NewKey
    const again = await generate(key, { name: 'Twice' })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('content-type')).toMatch(/^application\/json/)
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))
    expect(await again.json()).toEqual(created) // the same secret, shown again to the one who asked
    expect(await keysNamed(t.orgA.id, 'Twice')).toHaveLength(1)
    // Without a key, each request is its own.
    await generate(undefined, { name: 'Twice' })
    expect(await keysNamed(t.orgA.id, 'Twice')).toHaveLength(2)
  })

  it('stores the answer encrypted: the secret it holds is nowhere in the table', async () => {
    const key = fresh()
    const { api_key } = (await (await generate(key, { name: 'Sealed' })).json()) as NewKey
    const [row] = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))
    expect(row?.response).toMatch(/^v1\./)
    expect(JSON.stringify(row)).not.toContain(api_key)
  })

  it('a REST POST with a key inserts once; the repeat has the same rows and Preference-Applied', async () => {
    const key = fresh()
    const post = (prefer: string) =>
      t.request('POST', '/rest/v1/tags', {
        token: t.orgA.tokens.admin,
        body: { name: `Once ${key.slice(0, 8)}`, color: '#b42318', scope: 'contacts' },
        headers: { 'Idempotency-Key': key, Prefer: prefer },
      })
    const first = await post('return=representation')
    expect(first.status).toBe(201)
    const again = await post('return=representation')
    expect(again.status).toBe(201)
    expect(again.headers.get('preference-applied')).toBe('return=representation')
    expect(await again.json()).toEqual(await first.json())
    const named = (await t.db.select().from(tags).where(eq(tags.org_id, t.orgA.id))).filter(
      (tag) => tag.name === `Once ${key.slice(0, 8)}`,
    )
    expect(named).toHaveLength(1)
    // Another Prefer is another request: refused, not run.
    expect((await post('return=minimal')).status).toBe(422)
  })

  it('an empty 201 (return=minimal) is replayed empty', async () => {
    const key = fresh()
    const post = () =>
      t.request('POST', '/rest/v1/tags', {
        token: t.orgA.tokens.admin,
        body: { name: `Minimal ${key.slice(0, 8)}`, color: '#b42318', scope: 'contacts' },
        headers: { 'Idempotency-Key': key },
      })
    expect((await post()).status).toBe(201)
    const again = await post()
    expect([again.status, again.headers.get('idempotent-replayed'), await again.text()]).toEqual([
      201,
      'true',
      '',
    ])
  })

  it('the same key with another body is 422 CG422 and creates nothing', async () => {
    const key = fresh()
    expect((await generate(key, { name: 'Body one' })).status).toBe(201)
    const other = await generate(key, { name: 'Body two' })
    expect(other.status).toBe(422)
    expect(await other.json()).toMatchObject({ code: 'CG422', hint: expect.stringContaining('new') })
    expect(await keysNamed(t.orgA.id, 'Body two')).toHaveLength(0)
  })

  it('a malformed key is 400 naming the header, and nothing runs', async () => {
    for (const bad of ['', 'has space', 'ü', 'x'.repeat(256)]) {
      const res = await generate(bad, { name: 'Bad header' })
      expect(res.status, JSON.stringify(bad)).toBe(400)
      expect(await res.json()).toMatchObject({ code: '22P02', details: [{ field: 'Idempotency-Key' }] })
    }
    expect((await generate('x'.repeat(255), { name: 'Long header' })).status).toBe(201)
    expect(await keysNamed(t.orgA.id, 'Bad header')).toHaveLength(0)
  })

  it('an error is not kept: a 403 repeated once the member may do it creates the key', async () => {
    const key = fresh()
    const agent = t.orgA.tokens.agent
    const refused = await generate(key, { name: 'After promotion' }, agent)
    expect(refused.status).toBe(403)
    expect(await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([])
    const member = (await (
      await t.request('GET', `/rest/v1/members?user_id=eq.${t.orgA.userIds.agent}`, {
        token: t.orgA.tokens.owner,
      })
    ).json()) as { id: string }[]
    const promote = (role: string) =>
      t.request('PATCH', `/rest/v1/members?id=eq.${member[0]?.id}`, {
        token: t.orgA.tokens.owner,
        body: { role },
      })
    expect((await promote('admin')).status).toBe(204)
    try {
      const created = await generate(key, { name: 'After promotion' }, agent)
      expect([created.status, created.headers.get('idempotent-replayed')]).toEqual([201, null])
    } finally {
      await promote('agent')
    }
  })

  it('a key is scoped to its caller: another org, or another credential in the same org, runs its own', async () => {
    const key = fresh()
    const mine = (await (await generate(key, { name: 'Scoped' })).json()) as NewKey
    const theirs = await generate(key, { name: 'Scoped' }, t.orgB.tokens.admin)
    expect([theirs.status, theirs.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(((await theirs.json()) as NewKey).api_key).not.toBe(mine.api_key)
    const byApiKey = await generate(key, { name: 'Scoped' }, t.orgA.apiKey)
    expect([byApiKey.status, byApiKey.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(await keysNamed(t.orgA.id, 'Scoped')).toHaveLength(2)
    expect(await keysNamed(t.orgB.id, 'Scoped')).toHaveLength(1)
  })

  it('a repeat while the first still runs is 409; one that never finished is run again after the lease', async () => {
    const key = fresh()
    expect((await generate(key, { name: 'Running' })).status).toBe(201)
    // As the table reads while the first request runs (or after its process died mid-request).
    await t.db.update(idempotencyKeys).set({ response: null }).where(eq(idempotencyKeys.key, key))
    const busy = await generate(key, { name: 'Running' })
    expect(busy.status).toBe(409)
    expect(await busy.json()).toMatchObject({
      code: 'CG409',
      message: expect.stringContaining('still running'),
    })
    t.clock.advance(IDEMPOTENCY_LEASE_MS)
    const rerun = await generate(key, { name: 'Running' })
    expect([rerun.status, rerun.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(await keysNamed(t.orgA.id, 'Running')).toHaveLength(2)
  })

  it('a key lasts 24 hours: after them the same key creates again, and housekeeping deletes the old row', async () => {
    // An API key: sessions expire within the hour this moves the clock past.
    const generate = (key: string, body: unknown) => generateAs(key, body, t.orgA.apiKey)
    const key = fresh()
    expect((await generate(key, { name: 'A day' })).status).toBe(201)
    t.clock.advance(IDEMPOTENCY_TTL_MS - 1000)
    expect((await generate(key, { name: 'A day' })).headers.get('idempotent-replayed')).toBe('true')
    const other = fresh()
    expect((await generate(other, { name: 'A day' })).status).toBe(201)
    t.clock.advance(1000)
    const later = await generate(key, { name: 'A day' })
    expect([later.status, later.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(await keysNamed(t.orgA.id, 'A day')).toHaveLength(3)
    t.clock.advance(IDEMPOTENCY_TTL_MS)
    await pruneIdempotencyKeys(t.db, t.clock.now())
    expect(await t.db.select().from(idempotencyKeys)).toEqual([])
  })
  it('the OpenAPI document declares the optional header once and on every POST that takes it', async () => {
    const doc = (await (await t.request('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { $ref?: string }[] }>>
      components: { parameters: Record<string, { name: string; in: string; required?: boolean }> }
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' })
    expect(doc.components.parameters.IdempotencyKey?.required).toBeUndefined()
    const refs = (path: string, method: string) =>
      (doc.paths[path]?.[method]?.parameters ?? []).flatMap((p) => (p.$ref ? [p.$ref] : []))
    const ref = '#/components/parameters/IdempotencyKey'
    expect(refs('/functions/v1/generate-api-key', 'post')).toEqual([ref])
    expect(refs('/functions/v1/invite-member', 'post')).toEqual([ref])
    expect(refs('/rest/v1/tags', 'post')).toEqual([ref])
    expect(refs('/rest/v1/tags', 'get')).toEqual([])
    expect(refs('/functions/v1/dev/session', 'post')).toEqual([]) // no credentials: nothing to scope a key to
  })
})
