/**
 * @module Contract: API keys end to end (spec Use Case 2): generate (shown once), the read-only list, revoke,
 * the checksummed format refused before any look-up, expiry, and the `read_only` scope.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { generateKey } from '../features/api-keys/key-format.ts'
import {
  devSession,
  expectError,
  expectJson,
  ORG_B,
  ORGS,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

export const GENERATE = '/functions/v1/generate-api-key'
export const REVOKE = '/functions/v1/revoke-api-key'
const ROLL = '/functions/v1/roll-api-key'
const KEYS = '/rest/v1/api_keys'

interface Generated {
  api_key: string
  id: string
  name: string
  prefix: string
  last4: string
  scope: 'full' | 'read_only'
  created_at: string
  expires_at: string | null
}

const HOUR = 3600 * 1000

export function registerApiKeysContract(target: Target): void {
  describe('API keys: generate, list, revoke, scopes', () => {
    let owner: Session
    let admin: Session
    let agent: Session
    let ownerB: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
      admin = await devSession(target, 'admin')
      agent = await devSession(target, 'agent')
      ownerB = await devSession(target, 'owner', ORG_B)
    })

    const generate = (token: string, body: unknown) => send(target, GENERATE, { method: 'POST', token, body })
    const revoke = (token: string, id: string) =>
      send(target, REVOKE, { method: 'POST', token, body: { id } })
    const roll = (token: string, body: unknown) => send(target, ROLL, { method: 'POST', token, body })
    const generated = async (token: string, body: Record<string, unknown>): Promise<Generated> =>
      expectJson<Generated>(await generate(token, body), 201)
    const getOrgs = (key: string) => send(target, ORGS, { token: key })
    const listKeys = async (query = ''): Promise<{ text: string; rows: Record<string, unknown>[] }> => {
      const res = await send(target, `${KEYS}${query}`, { token: owner.access_token })
      const text = await res.text()
      expect(res.status, text).toBe(200)
      return { text, rows: JSON.parse(text) }
    }
    const keyCount = async () => (await listKeys('?select=id')).rows.length

    it('an owner generates a key → 201 with the key once; it works at once; the list never shows it again', async () => {
      const name = `CRM sync ${unique()}`
      const key = await generated(owner.access_token, { name, description: 'Nightly sync' })
      expect(Object.keys(key).sort()).toEqual(
        [
          'api_key',
          'created_at',
          'expires_at',
          'id',
          'last4',
          'name',
          'prefix',
          'rate_limit',
          'scope',
        ].sort(),
      )
      expect(key.api_key).toMatch(/^ak_[0-9A-Za-z]{38}$/)
      expect(key).toMatchObject({
        name,
        prefix: key.api_key.slice(0, 7),
        last4: key.api_key.slice(-4),
        scope: 'full',
        rate_limit: 600,
        expires_at: null,
      })
      expect(Number.isNaN(Date.parse(key.created_at))).toBe(false)

      const orgs = await expectJson<{ id: string }[]>(await getOrgs(key.api_key), 200)
      expect(orgs.map((o) => o.id)).toEqual([owner.org_id])

      const { text, rows } = await listKeys()
      expect(text).not.toContain(key.api_key)
      const row = rows.find((r) => r.id === key.id)
      expect(row).toMatchObject({
        name,
        description: 'Nightly sync',
        prefix: key.prefix,
        last4: key.last4,
        scope: 'full',
        created_by: owner.user_id,
        revoked_at: null,
        expires_at: null,
        status: 'active',
      })
      expect(row).not.toHaveProperty('hash')
      await expectError(await send(target, `${KEYS}?select=id,hash`, { token: owner.access_token }), {
        status: 400,
        code: '42703',
      })

      const audit = await send(target, `/rest/v1/audit_log?resource=eq.api_keys&row_id=eq.${key.id}`, {
        token: owner.access_token,
      })
      const auditText = await audit.text()
      expect(audit.status, auditText).toBe(200)
      expect(auditText).not.toContain(key.api_key)
      const entries = JSON.parse(auditText) as { action: string; after: Record<string, unknown> }[]
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ action: 'insert', after: { hash: '[redacted]', name } })
    })

    it('an admin generates a key with expires_at → 201; the list says expiring within 7 days', async () => {
      const { created_at: now } = await generated(admin.access_token, { name: `probe ${unique()}` })
      const expiresAt = new Date(Date.parse(now) + 48 * HOUR).toISOString()
      const key = await generated(admin.access_token, { name: `Soon ${unique()}`, expires_at: expiresAt })
      expect(key.expires_at).toBe(expiresAt)
      const { rows } = await listKeys(`?id=eq.${key.id}`)
      expect(rows).toEqual([expect.objectContaining({ status: 'expiring', expires_at: expiresAt })])
    })

    it.each(['agent', 'project_manager', 'team_admin'] as const)(
      'an %s cannot generate or revoke → 403 42501',
      async (role) => {
        const member = role === 'agent' ? agent : await devSession(target, role)
        const before = await keyCount()
        await expectError(await generate(member.access_token, { name: 'nope' }), {
          status: 403,
          code: '42501',
        })
        const [first] = (await listKeys('?select=id&limit=1')).rows
        await expectError(await revoke(member.access_token, String(first?.id)), {
          status: 403,
          code: '42501',
        })
        expect(await keyCount()).toBe(before)
      },
    )

    it.each([
      ['in the past', 'past'],
      ['not a date', 'next tuesday'],
      ['a date without a time', '2099-01-01'],
    ])('expires_at %s → 400 naming expires_at, nothing written', async (_label, value) => {
      const { created_at: now } = await generated(owner.access_token, { name: `probe ${unique()}` })
      const expiresAt = value === 'past' ? new Date(Date.parse(now) - HOUR).toISOString() : value
      const before = await keyCount()
      const err = await expectError(
        await generate(owner.access_token, { name: `bad ${unique()}`, expires_at: expiresAt }),
        { status: 400, code: '22P02', field: 'expires_at' },
      )
      expect(err.message).toMatch(/expires_at/)
      expect(await keyCount()).toBe(before)
    })

    it('a typo in a key → 401 "invalid API key format", in either header', async () => {
      const key = target().keys.active
      const typo = `${key.slice(0, 10)}${key[10] === 'a' ? 'b' : 'a'}${key.slice(11)}`
      const both: Record<string, string>[] = [{ Authorization: `Bearer ${typo}` }, { apikey: typo }]
      for (const headers of both) {
        const err = await expectError(await send(target, ORGS, { headers }), {
          status: 401,
          code: 'PGRST301',
          message: /invalid API key format/,
        })
        expect(err.hint).toMatch(/ak_/)
      }
      // A well-formed key nobody issued is looked up, and not found.
      await expectError(await getOrgs(generateKey()), { status: 401, code: 'PGRST301', message: /not found/ })
    })

    it('revoke → 200 with revoked_at; the key is refused on its next request; a second revoke changes nothing', async () => {
      const key = await generated(owner.access_token, { name: `To revoke ${unique()}` })
      expect((await getOrgs(key.api_key)).status).toBe(200)
      const revoked = await expectJson<{ id: string; revoked_at: string }>(
        await revoke(admin.access_token, key.id),
        200,
      )
      expect(revoked).toMatchObject({ id: key.id, name: key.name })
      await expectError(await getOrgs(key.api_key), { status: 401, code: 'PGRST301', message: /revoked/ })
      const again = await expectJson<{ revoked_at: string }>(await revoke(owner.access_token, key.id), 200)
      expect(again.revoked_at).toBe(revoked.revoked_at)
      const { rows } = await listKeys(`?id=eq.${key.id}`)
      expect(rows).toEqual([expect.objectContaining({ status: 'revoked', revoked_at: revoked.revoked_at })])
      const audit = await send(
        target,
        `/rest/v1/audit_log?resource=eq.api_keys&row_id=eq.${key.id}&order=created_at`,
        {
          token: owner.access_token,
        },
      )
      const entries = await expectJson<{ action: string }[]>(audit, 200)
      expect(entries.map((e) => e.action)).toEqual(['insert', 'update'])
    })

    it('roll → 201 with a new key shown once; both work through the overlap; expires_in_hours 0 stops the old one at once', async () => {
      const old = await generated(owner.access_token, { name: `To roll ${unique()}`, scope: 'read_only' })
      const rolled = await expectJson<Generated & { previous: { id: string; expires_at: string } }>(
        await roll(admin.access_token, { id: old.id }),
        201,
      )
      expect(rolled).toMatchObject({ name: old.name, scope: 'read_only', previous: { id: old.id } })
      expect(rolled.api_key).not.toBe(old.api_key)
      expect(Date.parse(rolled.previous.expires_at) - Date.parse(rolled.created_at)).toBe(24 * 3600_000)
      expect((await getOrgs(rolled.api_key)).status).toBe(200)
      expect((await getOrgs(old.api_key)).status).toBe(200)
      const { rows, text } = await listKeys(`?id=in.(${old.id},${rolled.id})&order=created_at`)
      expect(rows.map((r) => r.id).sort()).toEqual([old.id, rolled.id].sort())
      expect(text).not.toContain(rolled.api_key)
      expect(rows.find((r) => r.id === old.id)).toMatchObject({ expires_at: rolled.previous.expires_at })

      const now = await expectJson<Generated & { previous: { expires_at: string } }>(
        await roll(owner.access_token, { id: rolled.id, expires_in_hours: 0 }),
        201,
      )
      await expectError(await getOrgs(rolled.api_key), { status: 401, code: 'PGRST301', message: /expired/ })
      expect((await getOrgs(now.api_key)).status).toBe(200)
      await expectError(await roll(owner.access_token, { id: rolled.id }), {
        status: 409,
        code: 'CG409',
        field: 'id',
      })
    })

    it('roll refuses an agent, another org, a revoked key and a bad overlap, writing nothing', async () => {
      const key = await generated(owner.access_token, { name: `Kept ${unique()}` })
      const keyB = await generated(ownerB.access_token, { name: `B roll ${unique()}` })
      const before = await keyCount()
      await expectError(await roll(agent.access_token, { id: key.id }), { status: 403, code: '42501' })
      await expectError(await roll(owner.access_token, { id: keyB.id }), {
        status: 404,
        code: 'CG404',
        field: 'id',
      })
      for (const hours of [-1, 1.5, 721, '24']) {
        await expectError(await roll(owner.access_token, { id: key.id, expires_in_hours: hours }), {
          status: 400,
          code: '22P02',
          field: 'expires_in_hours',
        })
      }
      await revoke(owner.access_token, key.id)
      await expectError(await roll(owner.access_token, { id: key.id }), {
        status: 409,
        code: 'CG409',
        message: /revoked/,
      })
      expect(await keyCount()).toBe(before)
      expect((await getOrgs(keyB.api_key)).status).toBe(200)
    })

    it("another org's key id → 404 CG404 as if absent, the key untouched", async () => {
      const keyB = await generated(ownerB.access_token, { name: `B key ${unique()}` })
      await expectError(await revoke(owner.access_token, keyB.id), {
        status: 404,
        code: 'CG404',
        field: 'id',
      })
      await expectError(await revoke(owner.access_token, 'key_doesnotexist'), { status: 404, code: 'CG404' })
      expect((await getOrgs(keyB.api_key)).status).toBe(200)
    })

    it('a read_only key reads, but cannot PATCH organizations nor call generate-api-key → 403 naming the scope', async () => {
      const key = await generated(owner.access_token, { name: `Reader ${unique()}`, scope: 'read_only' })
      expect(key.scope).toBe('read_only')
      expect((await getOrgs(key.api_key)).status).toBe(200)
      expect((await send(target, KEYS, { token: key.api_key })).status).toBe(200)
      const patch = await send(target, `${ORGS}?id=eq.${owner.org_id}`, {
        method: 'PATCH',
        token: key.api_key,
        body: { timezone: 'Europe/Madrid' },
      })
      await expectError(patch, { status: 403, code: '42501', message: /read_only/ })
      await expectError(await generate(key.api_key, { name: 'escalate' }), {
        status: 403,
        code: '42501',
        message: /read_only/,
      })
      await expectError(await revoke(key.api_key, key.id), {
        status: 403,
        code: '42501',
        message: /read_only/,
      })
    })

    it('a key past its expires_at → 401 saying it expired', async ({ skip }) => {
      const advance = target().advanceClock
      if (!advance) return skip('this host cannot move its clock')
      const { created_at: now } = await generated(owner.access_token, { name: `probe ${unique()}` })
      const expiresAt = new Date(Date.parse(now) + 60_000).toISOString()
      const key = await generated(owner.access_token, { name: `Short ${unique()}`, expires_at: expiresAt })
      expect((await getOrgs(key.api_key)).status).toBe(200)
      advance(2 * 60_000)
      await expectError(await getOrgs(key.api_key), { status: 401, code: 'PGRST301', message: /expired/ })
      const { rows } = await listKeys(`?id=eq.${key.id}`)
      expect(rows).toEqual([expect.objectContaining({ status: 'expired' })])
    })

    it('a rolled key keeps working through its overlap on a moved clock, and stops when it ends', async ({
      skip,
    }) => {
      const advance = target().advanceClock
      if (!advance) return skip('this host cannot move its clock')
      const old = await generated(owner.access_token, { name: `Overlap ${unique()}` })
      const rolled = await expectJson<Generated>(
        await roll(owner.access_token, { id: old.id, expires_in_hours: 1 }),
        201,
      )
      advance(30 * 60_000)
      expect((await getOrgs(old.api_key)).status).toBe(200)
      expect((await getOrgs(rolled.api_key)).status).toBe(200)
      advance(31 * 60_000)
      await expectError(await getOrgs(old.api_key), { status: 401, code: 'PGRST301', message: /expired/ })
      expect((await getOrgs(rolled.api_key)).status).toBe(200)
    })
  })
}
