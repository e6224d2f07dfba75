/**
 * @module Contract: webhook endpoints (spec Use Case 3): the spec's POST with `{ url, events, secret }`, the
 * secret generated when omitted, never readable over REST, revealed and rotated by functions; the event catalog.
 */
import { checkWebhookSecret, webhookEventTypes } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  devSession,
  expectError,
  expectJson,
  ORG_B,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

const ENDPOINTS = '/rest/v1/webhook_configurations'
const REVEAL = '/functions/v1/reveal-webhook-secret'
const ROTATE = '/functions/v1/rotate-webhook-secret'
const EVENTS = '/functions/v1/webhook-events'

interface Endpoint {
  id: string
  url: string
  events: string[]
  enabled: boolean
  disabled_reason: string | null
}

/**
 * A delivery attempt in each org's log (the generated webhook_deliveries cases read an existing row): a test
 * event to an endpoint nobody listens on, which is then disabled so that later writes raise no events.
 */
export async function seedDeliveryLog(target: Target): Promise<void> {
  for (const org of [undefined, ORG_B]) {
    const owner = await devSession(target, 'owner', org)
    const [endpoint] = await expectJson<Endpoint[]>(
      await send(target, ENDPOINTS, {
        method: 'POST',
        token: owner.access_token,
        body: { url: 'http://127.0.0.1:9/nobody-listens', events: ['*'], description: 'contract fixture' },
        headers: { Prefer: 'return=representation' },
      }),
      201,
    )
    const id = String(endpoint?.id)
    const attempt = await send(target, '/functions/v1/test-webhook', {
      method: 'POST',
      token: owner.access_token,
      body: { id },
    })
    await expectJson(attempt, 200)
    const disabled = await send(target, `${ENDPOINTS}?id=eq.${id}`, {
      method: 'PATCH',
      token: owner.access_token,
      body: { enabled: false },
    })
    expect(disabled.status).toBe(204)
  }
}

export function registerWebhooksContract(target: Target): void {
  describe('Webhooks: endpoints, secrets and the event catalog', () => {
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

    const create = async (s: Session, body: Record<string, unknown>): Promise<Endpoint> =>
      (
        await expectJson<Endpoint[]>(
          await send(target, ENDPOINTS, {
            method: 'POST',
            token: s.access_token,
            body,
            headers: { Prefer: 'return=representation' },
          }),
          201,
        )
      )[0] as Endpoint
    const call = (s: Session, path: string, body: unknown) =>
      send(target, path, { method: 'POST', token: s.access_token, body })
    const reveal = async (s: Session, id: string) =>
      (await expectJson<{ id: string; secret: string }>(await call(s, REVEAL, { id }), 200)).secret

    it("the spec's POST {url, events, secret}: 201, the secret never in a response; reveal shows it", async () => {
      const secret = `my-own-secret-${unique()}`
      const text = await (
        await send(target, ENDPOINTS, {
          method: 'POST',
          token: owner.access_token,
          body: {
            url: 'https://hooks.example.com/in',
            events: ['message.created', 'conversation.created'],
            secret,
          },
          headers: { Prefer: 'return=representation' },
        })
      ).text()
      expect(text).not.toContain(secret)
      const [endpoint] = JSON.parse(text) as Endpoint[]
      expect(endpoint).toMatchObject({
        url: 'https://hooks.example.com/in',
        events: ['message.created', 'conversation.created'],
        enabled: true,
        disabled_reason: null,
      })
      expect(endpoint).not.toHaveProperty('secret')
      const listed = await (
        await send(target, `${ENDPOINTS}?id=eq.${endpoint?.id}`, { token: admin.access_token })
      ).text()
      expect(listed).not.toContain(secret)
      await expectError(await send(target, `${ENDPOINTS}?select=id,secret`, { token: owner.access_token }), {
        status: 400,
        code: '42703',
      })
      expect(await reveal(admin, String(endpoint?.id))).toBe(secret)
      const audit = await (
        await send(
          target,
          `/rest/v1/audit_log?resource=eq.webhook_configurations&row_id=eq.${endpoint?.id}`,
          {
            token: owner.access_token,
          },
        )
      ).text()
      expect(audit).not.toContain(secret)
      expect(
        JSON.parse(audit)
          .map((e: { action: string }) => e.action)
          .sort(),
      ).toEqual(['insert', 'reveal'])
    })

    it('without a secret one is generated: whsec_ and 32 random bytes', async () => {
      const endpoint = await create(owner, { url: `https://hooks.example.com/${unique()}`, events: ['*'] })
      const secret = await reveal(owner, endpoint.id)
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
      expect(checkWebhookSecret(secret)).toEqual({ ok: true, kind: 'whsec' })
    })

    it('rotate: a new secret, the old one signing for 24 h more; reveal shows the new one', async () => {
      const endpoint = await create(owner, { url: `https://hooks.example.com/${unique()}`, events: ['*'] })
      const old = await reveal(owner, endpoint.id)
      const rotated = await expectJson<{ secret: string; previous_secret_expires_at: string }>(
        await call(admin, ROTATE, { id: endpoint.id }),
        200,
      )
      expect(rotated.secret).not.toBe(old)
      expect(await reveal(owner, endpoint.id)).toBe(rotated.secret)
      const [row] = await expectJson<{ updated_at: string }[]>(
        await send(target, `${ENDPOINTS}?id=eq.${endpoint.id}&select=updated_at`, {
          token: owner.access_token,
        }),
        200,
      )
      expect(Date.parse(rotated.previous_secret_expires_at) - Date.parse(String(row?.updated_at))).toBe(
        24 * 3600_000,
      )
    })

    it('bad input names its field and writes nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ url: 'https://hooks.example.com/x', events: [] }, 'events'],
        [{ url: 'https://hooks.example.com/x', events: ['message.deleted'] }, 'events.0'],
        [{ url: 'https://hooks.example.com/x', events: ['*', '*'] }, 'events'],
        [{ url: 'https://hooks.example.com/x', events: ['webhook.test'] }, 'events.0'],
        [{ url: 'not a url', events: ['*'] }, 'url'],
        [{ url: 'ftp://hooks.example.com/x', events: ['*'] }, 'url'],
        [{ url: 'https://hooks.example.com/x', events: ['*'], secret: 'short' }, 'secret'],
        [{ url: 'https://hooks.example.com/x', events: ['*'], secret: 'whsec_bm90LWJhc2U2NA' }, 'secret'],
      ]
      const before = await expectJson<unknown[]>(
        await send(target, ENDPOINTS, { token: owner.access_token }),
        200,
      )
      for (const [body, field] of cases) {
        await expectError(await call(owner, ENDPOINTS, body), { status: 400, code: '22P02', field })
      }
      const endpoint = await create(owner, { url: `https://hooks.example.com/${unique()}`, events: ['*'] })
      await expectError(
        await send(target, `${ENDPOINTS}?id=eq.${endpoint.id}`, {
          method: 'PATCH',
          token: owner.access_token,
          body: { secret: 'a-new-secret-of-20-chars' },
        }),
        { status: 400, code: 'PGRST204', field: 'secret' },
      )
      const after = await expectJson<unknown[]>(
        await send(target, ENDPOINTS, { token: owner.access_token }),
        200,
      )
      expect(after.length).toBe(before.length + 1)
    })

    it("an agent gets 403; another org's endpoint is 404 to reveal and rotate, and invisible", async () => {
      const endpoint = await create(owner, { url: `https://hooks.example.com/${unique()}`, events: ['*'] })
      await expectError(await call(agent, REVEAL, { id: endpoint.id }), { status: 403, code: '42501' })
      await expectError(await call(agent, ROTATE, { id: endpoint.id }), { status: 403, code: '42501' })
      await expectError(await send(target, EVENTS, { token: agent.access_token }), {
        status: 403,
        code: '42501',
      })
      await expectError(await call(ownerB, REVEAL, { id: endpoint.id }), {
        status: 404,
        code: 'CG404',
        field: 'id',
      })
      await expectError(await call(ownerB, ROTATE, { id: endpoint.id }), {
        status: 404,
        code: 'CG404',
        field: 'id',
      })
      const seen = await expectJson<Endpoint[]>(
        await send(target, `${ENDPOINTS}?id=eq.${endpoint.id}`, { token: ownerB.access_token }),
        200,
      )
      expect(seen).toEqual([])
    })

    it('GET /functions/v1/webhook-events lists every event with a description and an example; POST → 405', async () => {
      const events = await expectJson<{ type: string; description: string; example: unknown }[]>(
        await send(target, EVENTS, { token: admin.access_token }),
        200,
      )
      expect(events.map((e) => e.type)).toEqual(webhookEventTypes)
      for (const event of events) {
        expect(event.description).not.toBe('')
        expect(event.example).toBeTypeOf('object')
      }
      await expectError(await call(admin, EVENTS, {}), { status: 405, code: 'CG405' })
    })
  })
}
