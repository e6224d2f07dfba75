/**
 * @module test-channel against local fakes of Meta's Graph API, Telegram's Bot API and Twilio on 127.0.0.1 (the base
 * URLs point at them): every answer becomes its code, a server that never answers is `timeout`, a closed port is
 * `network`; no token is ever in a message, and the result is kept on the channel.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import { freePort } from '../../test-utils/node-host.ts'
import { type Receiver, type ScriptedReply, startReceiver } from '../../test-utils/receiver.ts'

const WA_TOKEN = 'EAAGwhatsappTOKEN0123456789'
const PAGE_TOKEN = 'EAAGpageTOKEN0123456789abc'
const APP_SECRET = '8f4c2b1a9e7d6c5b4a3f2e1d0c9b8a7f'
const BOT_TOKEN = '123456789:AAEbotTOKENabcdefghijklmnopqrstu'
const SID = `AC${'a1'.repeat(16)}`
const AUTH = 'f0'.repeat(16)

let t: TestContext
let fake: Receiver
let replies: ScriptedReply[]

const json = (status: number, body: unknown): ScriptedReply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

beforeAll(async () => {
  fake = await startReceiver(() => replies.shift() ?? json(500, { error: 'no scripted reply' }))
  t = await createTestContext({
    META_GRAPH_URL: `${fake.url}/v23.0`,
    TELEGRAM_API_URL: fake.url,
    TWILIO_API_URL: fake.url,
    CHANNEL_CHECK_TIMEOUT_MS: 300,
  })
})
afterAll(async () => {
  t.close()
  await fake.close()
})
beforeEach(() => {
  replies = []
  fake.requests.length = 0
})

interface Result {
  ok: boolean
  code: string
  message: string
}

async function channel(body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', '/rest/v1/channels', {
    token: t.orgA.tokens.admin,
    body: { name: `Channel ${crypto.randomUUID().slice(0, 8)}`, ...body },
    headers: { Prefer: 'return=representation' },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }[])[0]?.id ?? ''
}

const whatsapp = () =>
  channel({
    type: 'whatsapp',
    settings: { phone_number_id: '106540352242922', waba_id: '102290129340398' },
    credentials: { access_token: WA_TOKEN, app_secret: APP_SECRET },
  })

async function test(id: string, token = t.orgA.tokens.admin): Promise<Result> {
  const res = await t.request('POST', '/functions/v1/test-channel', { token, body: { id } })
  const text = await res.text()
  expect(res.status, text).toBe(200)
  for (const secret of [WA_TOKEN, PAGE_TOKEN, APP_SECRET, BOT_TOKEN, AUTH]) expect(text).not.toContain(secret)
  return JSON.parse(text) as Result
}

describe('test-channel: WhatsApp on the Graph API', () => {
  it('reads the phone number with the access token: ok, the number and name in words; kept as last_check', async () => {
    const id = await whatsapp()
    replies.push(
      json(200, { display_phone_number: '+1 555-0100', verified_name: 'Acme Support', id: '1065' }),
    )
    expect(await test(id)).toEqual({
      ok: true,
      code: 'ok',
      message: 'Connected to WhatsApp number +1 555-0100 (Acme Support).',
    })
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v23.0/106540352242922?fields=display_phone_number,verified_name',
    })
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${WA_TOKEN}`)
    const res = await t.request(
      'GET',
      `/rest/v1/channels?id=eq.${id}&select=last_check,updated_at,created_at`,
      {
        token: t.orgA.tokens.admin,
      },
    )
    const [row] = (await res.json()) as {
      last_check: Record<string, unknown>
      updated_at: string
      created_at: string
    }[]
    expect(row?.last_check).toEqual({
      ok: true,
      code: 'ok',
      message: 'Connected to WhatsApp number +1 555-0100 (Acme Support).',
      at: t.clock.now().toISOString(),
    })
    expect(row?.updated_at).toBe(row?.created_at) // only last_check was written
  })

  it.each([
    [400, 190, 'OAuthException', 'invalid_token', /refused the access token/],
    [403, 10, 'OAuthException', 'missing_permission', /lacks a permission/],
    [403, 200, 'OAuthException', 'missing_permission', /lacks a permission/],
    [400, 100, 'GraphMethodException', 'not_found', /found no WhatsApp phone number/],
    [400, 4, 'OAuthException', 'rate_limited', /rate-limiting/],
    [400, 17, 'OAuthException', 'rate_limited', /rate-limiting/],
    [400, 32, 'OAuthException', 'rate_limited', /rate-limiting/],
    [400, 613, 'OAuthException', 'rate_limited', /rate-limiting/],
  ])(
    'Meta HTTP %i with error code %i (%s) → %s, quoting Meta without the token',
    async (status, code, type, want, words) => {
      const id = await whatsapp()
      replies.push(
        json(status, {
          error: {
            message: `Error validating ${WA_TOKEN}: no`,
            type,
            code,
            error_subcode: 460,
            fbtrace_id: 'AbC',
          },
        }),
      )
      const result = await test(id)
      expect(result).toMatchObject({ ok: false, code: want })
      expect(result.message).toMatch(words)
      expect(result.message).toContain('Meta said: Error validating [hidden]: no')
    },
  )

  it.each([
    [401, 'invalid_token'],
    [403, 'missing_permission'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [500, 'network'],
    [503, 'network'],
  ])("an HTTP %i without Meta's error body → %s", async (status, want) => {
    const id = await whatsapp()
    replies.push({ status, body: 'upstream trouble' })
    expect(await test(id)).toMatchObject({ ok: false, code: want })
  })

  it('a server that never answers → timeout by the (short, test) deadline', async () => {
    const id = await whatsapp()
    replies.push({ hang: true })
    const result = await test(id)
    expect(result).toMatchObject({ ok: false, code: 'timeout' })
    expect(result.message).toMatch(/did not answer in time \(No answer within 0\.3 s\)/)
  })

  it('a redirect is not followed → network, one request', async () => {
    const id = await whatsapp()
    replies.push({ status: 302, headers: { location: 'http://169.254.169.254/latest' } })
    expect(await test(id)).toMatchObject({ ok: false, code: 'network' })
    expect(fake.requests).toHaveLength(1)
  })

  it('a credential removed by PATCH → invalid_token naming it, and no request', async () => {
    const id = await whatsapp()
    const res = await t.request('PATCH', `/rest/v1/channels?id=eq.${id}`, {
      token: t.orgA.tokens.admin,
      body: { credentials: { access_token: null } },
    })
    expect(res.status).toBe(204)
    expect(await test(id)).toMatchObject({
      ok: false,
      code: 'invalid_token',
      message: /No access token is saved/,
    })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('test-channel: Messenger and Instagram read their Page', () => {
  it.each(['messenger', 'instagram'])(
    '%s: GET {META}/{page_id}?fields=name with the page token',
    async (type) => {
      const id = await channel({
        type,
        settings: { page_id: '100200300' },
        credentials: { page_access_token: PAGE_TOKEN, app_secret: APP_SECRET },
      })
      replies.push(json(200, { name: 'Acme', id: '100200300' }))
      const result = await test(id)
      expect(result).toMatchObject({ ok: true, code: 'ok', message: expect.stringContaining('"Acme"') })
      expect(fake.requests[0]).toMatchObject({ path: '/v23.0/100200300?fields=name' })
      expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${PAGE_TOKEN}`)
      replies.push(
        json(400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } }),
      )
      expect(await test(id)).toMatchObject({ ok: false, code: 'invalid_token' })
    },
  )
})

describe('test-channel: Telegram getMe', () => {
  const telegram = () => channel({ type: 'telegram', credentials: { bot_token: BOT_TOKEN } })

  it('calls {TELEGRAM}/bot<token>/getMe: ok names the bot', async () => {
    const id = await telegram()
    replies.push(
      json(200, { ok: true, result: { id: 1, is_bot: true, first_name: 'Acme', username: 'acme_bot' } }),
    )
    expect(await test(id)).toEqual({
      ok: true,
      code: 'ok',
      message: 'Connected to the bot @acme_bot (Acme).',
    })
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: `/bot${BOT_TOKEN}/getMe` })
  })

  it.each([
    [401, 'Unauthorized', 'invalid_token'],
    [404, 'Not Found', 'invalid_token'],
    [429, 'Too Many Requests: retry after 5', 'rate_limited'],
    [500, 'Internal Server Error', 'network'],
  ])('Telegram %i %s → %s', async (status, description, want) => {
    const id = await telegram()
    replies.push(json(status, { ok: false, error_code: status, description }))
    const result = await test(id)
    expect(result).toMatchObject({ ok: false, code: want })
    expect(result.message).toContain(description)
  })

  it('a closed port → network, naming the host and not the token in the path', async () => {
    const port = await freePort()
    const closed = await createTestContext({
      TELEGRAM_API_URL: `http://127.0.0.1:${port}`,
      CHANNEL_CHECK_TIMEOUT_MS: 2000,
    })
    try {
      const created = await closed.request('POST', '/rest/v1/channels', {
        token: closed.orgA.tokens.admin,
        body: { type: 'telegram', name: 'Bot', credentials: { bot_token: BOT_TOKEN } },
        headers: { Prefer: 'return=representation' },
      })
      const [row] = (await created.json()) as { id: string }[]
      const res = await closed.request('POST', '/functions/v1/test-channel', {
        token: closed.orgA.tokens.admin,
        body: { id: row?.id },
      })
      const text = await res.text()
      expect(text).not.toContain(BOT_TOKEN)
      expect(JSON.parse(text)).toEqual({
        ok: false,
        code: 'network',
        message: `Telegram's Bot API could not be reached: Connection refused by 127.0.0.1:${port}.`,
      })
    } finally {
      closed.close()
    }
  })
})

describe('test-channel: SMS reads the Twilio account', () => {
  const sms = () =>
    channel({
      type: 'sms',
      settings: { from_number: '+15550100' },
      credentials: { account_sid: SID, auth_token: AUTH },
    })

  it('GET {TWILIO}/2010-04-01/Accounts/{sid}.json with basic auth: ok names the account', async () => {
    const id = await sms()
    replies.push(json(200, { sid: SID, friendly_name: 'Acme', status: 'active' }))
    expect(await test(id)).toEqual({
      ok: true,
      code: 'ok',
      message: 'Connected to the Twilio account "Acme".',
    })
    expect(fake.requests[0]).toMatchObject({ path: `/2010-04-01/Accounts/${SID}.json` })
    expect(fake.requests[0]?.headers.authorization).toBe(`Basic ${btoa(`${SID}:${AUTH}`)}`)
  })

  it.each([
    [401, 20003, 'Authenticate', 'invalid_token'],
    [404, 20404, 'The requested resource was not found', 'not_found'],
    [429, 20429, 'Too Many Requests', 'rate_limited'],
    [403, 20403, 'Forbidden', 'missing_permission'],
  ])('Twilio %i (code %i) → %s', async (status, code, message, want) => {
    const id = await sms()
    replies.push(
      json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }),
    )
    expect(await test(id)).toMatchObject({ ok: false, code: want, message: expect.stringContaining(message) })
  })

  it('a suspended account → missing_permission', async () => {
    const id = await sms()
    replies.push(json(200, { sid: SID, friendly_name: 'Acme', status: 'suspended' }))
    expect(await test(id)).toMatchObject({ ok: false, code: 'missing_permission', message: /is suspended/ })
  })
})

describe('test-channel: nothing to check, and who may call it', () => {
  it.each([
    ['website', {}],
    ['email', {}],
    ['api', {}],
  ])('%s → not_supported, explained, with no request', async (type, settings) => {
    const id = await channel({ type, settings })
    const result = await test(id)
    expect(result).toMatchObject({ ok: false, code: 'not_supported' })
    expect(result.message.length).toBeGreaterThan(40)
    expect(fake.requests).toHaveLength(0)
  })

  it('in production a private address is refused before any request → network, naming why', async () => {
    const production = await createTestContext({
      CG_MODE: 'production',
      META_GRAPH_URL: `${fake.url}/v23.0`,
      CHANNEL_CHECK_TIMEOUT_MS: 2000,
    })
    try {
      const created = await production.request('POST', '/rest/v1/channels', {
        token: production.orgA.apiKey,
        body: {
          type: 'whatsapp',
          name: 'WA',
          settings: { phone_number_id: '1', waba_id: '2' },
          credentials: { access_token: WA_TOKEN, app_secret: APP_SECRET },
        },
        headers: { Prefer: 'return=representation' },
      })
      const [row] = (await created.json()) as { id: string }[]
      const res = await production.request('POST', '/functions/v1/test-channel', {
        token: production.orgA.apiKey,
        body: { id: row?.id },
      })
      const result = (await res.json()) as Result
      expect(result).toMatchObject({ ok: false, code: 'network' })
      expect(result.message).toMatch(/http is only allowed in demo mode/)
      expect(fake.requests).toHaveLength(0)
    } finally {
      production.close()
    }
  })

  it("agents, project managers and team admins get 403; another org's channel is 404 as a missing one", async () => {
    const id = await whatsapp()
    for (const role of ['agent', 'project_manager', 'team_admin'] as const) {
      const res = await t.request('POST', '/functions/v1/test-channel', {
        token: t.orgA.tokens[role],
        body: { id },
      })
      expect(res.status).toBe(403)
    }
    const foreign = await t.request('POST', '/functions/v1/test-channel', {
      token: t.orgB.tokens.admin,
      body: { id },
    })
    expect(foreign.status).toBe(404)
    expect(((await foreign.json()) as { details: unknown }).details).toEqual([
      { field: 'id', message: 'Not a channel of this organization' },
    ])
    expect(fake.requests).toHaveLength(0)
  })
})

describe('credentials in no log and no error', () => {
  it('creating, testing, patching and refusing channels logs no credential, and no answer repeats one', async () => {
    const logged: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '))
      }),
    )
    const answers: string[] = []
    try {
      const id = await whatsapp()
      replies.push(
        json(401, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } }),
      )
      await test(id)
      replies.push(json(500, { error: { message: 'An unexpected error has occurred.', code: 2 } }))
      await test(id)
      const patched = await t.request('PATCH', `/rest/v1/channels?id=eq.${id}`, {
        token: t.orgA.tokens.admin,
        body: { credentials: { access_token: `${WA_TOKEN}x` } },
      })
      answers.push(await patched.text())
      // A credential in the wrong format: refused, and the answer names the field, not the value.
      const refused = await t.request('POST', '/rest/v1/channels', {
        token: t.orgA.tokens.admin,
        body: { type: 'telegram', name: 'Bot', credentials: { bot_token: `${BOT_TOKEN} ${APP_SECRET}` } },
      })
      expect(refused.status).toBe(400)
      answers.push(await refused.text())
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    for (const secret of [WA_TOKEN, APP_SECRET, BOT_TOKEN]) {
      expect(logged.join('\n')).not.toContain(secret)
      expect(answers.join('\n')).not.toContain(secret)
    }
  })
})
