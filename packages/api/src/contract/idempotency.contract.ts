/**
 * @module Contract: `Idempotency-Key` on the POSTs that create (issue 27), on every host: a repeat answers the first
 * answer and creates nothing, another body is 422, another org or a refused request never shares an answer.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { devSession, expectError, expectJson, type Session, send, type Target, unique } from './http.ts'

const GENERATE = '/functions/v1/generate-api-key'
const KEYS = '/rest/v1/api_keys'
const TAGS = '/rest/v1/tags'

interface Generated {
  api_key: string
  id: string
  name: string
}

export function registerIdempotencyContract(target: Target): void {
  describe('Idempotency-Key: a repeated key creates nothing', () => {
    let slug: string
    let owner: Session
    let admin: Session
    let agent: Session
    let adminB: Session
    beforeAll(async () => {
      slug = `idem-${unique()}`
      owner = await devSession(target, 'owner', slug)
      admin = await devSession(target, 'admin', slug)
      agent = await devSession(target, 'agent', slug)
      adminB = await devSession(target, 'admin', `idem-b-${unique()}`)
    })
    const generate = (s: Session, key: string, body: unknown) =>
      send(target, GENERATE, {
        method: 'POST',
        token: s.access_token,
        body,
        headers: { 'Idempotency-Key': key },
      })
    /** The org's keys with `name` (the list never shows a secret, so names tell them apart). */
    const keysNamed = async (s: Session, name: string) =>
      expectJson<{ id: string }[]>(
        await send(target, `${KEYS}?select=id&name=eq.${encodeURIComponent(name)}`, {
          token: s.access_token,
        }),
        200,
      )

    it('the same key twice creates one API key and answers the same secret twice, the second marked Idempotent-Replayed', async () => {
      const key = crypto.randomUUID()
      const name = `Deploy ${unique()}`
      const first = await generate(admin, key, { name })
      expect(first.headers.get('idempotent-replayed')).toBeNull()
      const created = await expectJson<Generated>(first, 201)
      const again = await generate(admin, key, { name })
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(await expectJson<Generated>(again, 201)).toEqual(created)
      expect(await keysNamed(admin, name)).toEqual([{ id: created.id }])
    })

    it('the same key with another body is 422 and creates nothing', async () => {
      const key = crypto.randomUUID()
      const name = `First ${unique()}`
      await expectJson(await generate(admin, key, { name }), 201)
      const other = `Other ${unique()}`
      await expectError(await generate(admin, key, { name: other }), {
        status: 422,
        code: 'CG422',
        message: /Idempotency-Key/,
      })
      expect(await keysNamed(admin, other)).toEqual([])
    })

    it('a malformed Idempotency-Key is 400 naming the header, and creates nothing', async () => {
      const name = `Bad ${unique()}`
      for (const bad of ['two words', 'x'.repeat(256)]) {
        await expectError(await generate(admin, bad, { name }), {
          status: 400,
          code: '22P02',
          field: 'Idempotency-Key',
        })
      }
      expect(await keysNamed(admin, name)).toEqual([])
    })

    it("another org's member with the same key gets their own key, never the first org's answer", async () => {
      const key = crypto.randomUUID()
      const name = `Shared ${unique()}`
      const mine = await expectJson<Generated>(await generate(admin, key, { name }), 201)
      const theirsRes = await generate(adminB, key, { name })
      expect(theirsRes.headers.get('idempotent-replayed')).toBeNull()
      const theirs = await expectJson<Generated>(theirsRes, 201)
      expect(theirs.api_key).not.toBe(mine.api_key)
      expect(await keysNamed(adminB, name)).toEqual([{ id: theirs.id }])
      expect(await keysNamed(admin, name)).toEqual([{ id: mine.id }])
    })

    it('a refusal is not kept: an agent refused (403) who is then made admin creates the key with the same key', async () => {
      const key = crypto.randomUUID()
      const name = `Promoted ${unique()}`
      await expectError(await generate(agent, key, { name }), { status: 403, code: '42501' })
      // Another member's same key runs on its own.
      await expectJson(await generate(admin, key, { name }), 201)
      const [membership] = await expectJson<{ id: string }[]>(
        await send(target, `/rest/v1/members?select=id&user_id=eq.${agent.user_id}`, {
          token: owner.access_token,
        }),
        200,
      )
      const setRole = async (role: string) => {
        const res = await send(target, `/rest/v1/members?id=eq.${membership?.id}`, {
          method: 'PATCH',
          token: owner.access_token,
          body: { role },
        })
        expect(res.status, await res.text()).toBe(204)
      }
      await setRole('admin')
      try {
        const retried = await generate(agent, key, { name })
        expect(retried.headers.get('idempotent-replayed')).toBeNull()
        await expectJson(retried, 201)
      } finally {
        await setRole('agent')
      }
      expect(await keysNamed(admin, name)).toHaveLength(2)
    })

    it('POST /rest/v1/tags sent twice with one key inserts one row; the repeat answers the same rows', async () => {
      const key = crypto.randomUUID()
      const name = `Once ${unique()}`
      const post = () =>
        send(target, TAGS, {
          method: 'POST',
          token: admin.access_token,
          body: { name, color: '#b42318', scope: 'contacts' },
          headers: { 'Idempotency-Key': key, Prefer: 'return=representation' },
        })
      const first = await expectJson<{ id: string }[]>(await post(), 201)
      const againRes = await post()
      expect(againRes.headers.get('idempotent-replayed')).toBe('true')
      expect(againRes.headers.get('preference-applied')).toBe('return=representation')
      expect(await expectJson(againRes, 201)).toEqual(first)
      const rows = await expectJson<{ id: string }[]>(
        await send(target, `${TAGS}?select=id&name=eq.${encodeURIComponent(name)}`, {
          token: admin.access_token,
        }),
        200,
      )
      expect(rows).toEqual([{ id: first[0]?.id }])
    })

    it('a browser may send the header and read the replay marker (CORS)', async () => {
      const res = await send(target, GENERATE, {
        method: 'OPTIONS',
        headers: { Origin: 'https://host.example', 'Access-Control-Request-Method': 'POST' },
      })
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-headers')?.split(',')).toContain('Idempotency-Key')
      expect(res.headers.get('access-control-expose-headers')?.split(',')).toContain('Idempotent-Replayed')
    })
  })
}
