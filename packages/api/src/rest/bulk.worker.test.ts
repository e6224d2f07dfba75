/** @module Big writes on D1, which binds at most 100 parameters per statement: each is split, and stays one batch. */
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'

const call = (path: string, init: RequestInit = {}) => SELF.fetch(`http://cg.test${path}`, init)
let token: string
const json = (method: string, body?: unknown, prefer = 'return=representation') => ({
  method,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, prefer },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

beforeAll(async () => {
  const res = await call('/functions/v1/dev/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'owner', org_slug: 'bulk-d1' }),
  })
  token = ((await res.json()) as { access_token: string }).access_token
})

describe('bulk writes in workerd (D1)', () => {
  const names = Array.from({ length: 120 }, (_, i) => `Bulk ${String(i).padStart(3, '0')}`)

  it('inserts, upserts, updates and deletes 120 rows, each request whole', async () => {
    const created = await call(
      '/rest/v1/tags',
      json(
        'POST',
        names.map((name) => ({ name })),
      ),
    )
    expect(created.status).toBe(201)
    expect(((await created.json()) as unknown[]).length).toBe(120)

    const merged = await call(
      '/rest/v1/tags?on_conflict=name',
      json(
        'POST',
        names.map((name) => ({ name, color: '#067647' })),
        'resolution=merge-duplicates,return=representation',
      ),
    )
    expect(merged.status).toBe(201)
    expect(((await merged.json()) as { color: string }[]).every((t) => t.color === '#067647')).toBe(true)

    const patched = await call('/rest/v1/tags?name=like.Bulk*', json('PATCH', { scope: 'contacts' }))
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as unknown[]).length).toBe(120)

    const removed = await call('/rest/v1/tags?name=like.Bulk*', json('DELETE'))
    expect(((await removed.json()) as unknown[]).length).toBe(120)
    const left = await call('/rest/v1/tags?select=id', json('GET'))
    expect(await left.json()).toEqual([])
  })

  it('an array with one bad row among 120 writes none of them', async () => {
    const rows = names.map((name) => ({ name }))
    rows.push({ name: names[0] as string }) // a duplicate name: the unique index refuses it
    const res = await call('/rest/v1/tags', json('POST', rows))
    expect(res.status).toBe(409)
    expect(await (await call('/rest/v1/tags?select=id', json('GET'))).json()).toEqual([])
  })
})
