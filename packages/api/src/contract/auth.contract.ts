/** @module Contract: authentication: session JWTs and API keys accepted, and every bad credential answered 401 with a reason. */
import { beforeAll, describe, expect, it } from 'vitest'
import { devSession, expectError, listOrgs, ORGS, type Session, send, type Target } from './http.ts'

const base64url = {
  decode: (part: string): string => atob(part.replaceAll('-', '+').replaceAll('_', '/')),
  encode: (text: string): string => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
}

/** `token` with its signature changed (the first character, so the decoded bytes differ). */
function withWrongSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.')
  return `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
}

/** `token` with claims changed but its original signature kept. */
function withForgedClaims(token: string, claims: Record<string, unknown>): string {
  const [header, payload = '', signature] = token.split('.')
  const forged = { ...JSON.parse(base64url.decode(payload)), ...claims }
  return `${header}.${base64url.encode(JSON.stringify(forged))}.${signature}`
}

/** An unsigned token (`alg: none`) claiming to be an owner of `orgId`. */
function unsignedToken(orgId: string): string {
  const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))
  const exp = Math.floor(Date.now() / 1000) + 10 * 365 * 24 * 3600
  const payload = base64url.encode(JSON.stringify({ sub: 'usr_forged', org: orgId, role: 'owner', exp }))
  return `${header}.${payload}.`
}

export function registerAuthContract(target: Target): void {
  describe('authentication', () => {
    let agent: Session
    beforeAll(async () => {
      agent = await devSession(target, 'agent')
    })
    const getOrgs = (headers: Record<string, string>) => send(target, ORGS, { headers })
    const rejected = (res: Response, message?: RegExp) =>
      expectError(res, { status: 401, code: 'PGRST301', ...(message ? { message } : {}) })

    it('a session JWT in Authorization: Bearer reads its org', async () => {
      expect((await listOrgs(target, agent.access_token)).map((o) => o.id)).toEqual([agent.org_id])
    })

    it('the Bearer scheme is case-insensitive', async () => {
      const res = await getOrgs({ Authorization: `bearer ${agent.access_token}` })
      expect(res.status).toBe(200)
    })

    it.each([
      ['Authorization: Bearer ak_…', (key: string) => ({ Authorization: `Bearer ${key}` })],
      ['apikey: ak_…', (key: string) => ({ apikey: key })],
    ])('an API key in %s reads the demo org', async (_label, headers) => {
      const res = await getOrgs(headers(target().keys.active))
      expect(res.status).toBe(200)
      expect(((await res.json()) as { id: string }[]).map((o) => o.id)).toEqual([agent.org_id])
    })

    it('no credentials → 401 PGRST301 with a WWW-Authenticate challenge', async () => {
      const res = await getOrgs({})
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+"/)
      await rejected(res, /credentials/i)
    })

    it.each([
      ['Basic credentials', 'Basic dXNlcjpwYXNz'],
      ['Bearer without a token', 'Bearer'],
      ['two tokens', 'Bearer a b'],
    ])('Authorization with %s → 401 malformed', async (_label, authorization) => {
      await rejected(await getOrgs({ Authorization: authorization }), /malformed/i)
    })

    it('a garbage token → 401 invalid_token', async () => {
      const res = await getOrgs({ Authorization: 'Bearer not-a-jwt' })
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/)
      await rejected(res)
    })

    it('unknown, revoked and expired API keys → 401, each saying which', async () => {
      const { revoked, expired } = target().keys
      const unknownKey = `ak_${'Z'.repeat(32)}`
      const messages: string[] = []
      for (const [key, says] of [
        [unknownKey, /not found/i],
        [revoked, /revoked/i],
        [expired, /expired/i],
      ] as const) {
        messages.push((await rejected(await getOrgs({ Authorization: `Bearer ${key}` }), says)).message)
        await rejected(await getOrgs({ apikey: key }), says)
      }
      expect(new Set(messages).size).toBe(3)
    })

    it('a JWT with a wrong signature → 401 mentioning the signature', async () => {
      const res = await getOrgs({ Authorization: `Bearer ${withWrongSignature(agent.access_token)}` })
      await rejected(res, /signature/i)
    })

    it('a JWT whose claims were changed (agent → owner of org B) → 401', async () => {
      const orgB = (await devSession(target, 'admin', 'other-co')).org_id
      const forged = withForgedClaims(agent.access_token, { role: 'owner', org: orgB })
      await rejected(await getOrgs({ Authorization: `Bearer ${forged}` }), /signature/i)
    })

    it('an unsigned JWT (alg: none) → 401', async () => {
      await rejected(await getOrgs({ Authorization: `Bearer ${unsignedToken(agent.org_id)}` }))
    })

    // Last in this block: it moves the host clock an hour forward, which expires every earlier token.
    it('an expired JWT → 401 "JWT expired"; a fresh one works', async ({ skip }) => {
      const advance = target().advanceClock
      if (!advance) return skip('this host cannot move its clock')
      const { access_token } = await devSession(target, 'agent')
      expect(await listOrgs(target, access_token)).toHaveLength(1)
      advance(3601 * 1000)
      await rejected(await getOrgs({ Authorization: `Bearer ${access_token}` }), /JWT expired/)
      const fresh = await devSession(target, 'agent')
      expect(await listOrgs(target, fresh.access_token)).toHaveLength(1)
    })
  })
}
