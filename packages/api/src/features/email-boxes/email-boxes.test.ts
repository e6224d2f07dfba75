/**
 * @module Email boxes on the Node host against real local servers: test-email-box's codes (success with the INBOX
 * count, a wrong password, a closed port, a server that never greets, TLS on a plaintext port, a self-signed
 * certificate, an unknown host, STARTTLS not offered), for unsaved settings and saved boxes; send-test-email
 * arriving at the SMTP server; passwords in no answer, select, audit entry, error or log; roles and other orgs.
 */
import { type MailCheck, type MailSecurity, REDACTED, type TestEmailBoxResult } from '@connectgain/contracts'
import { emailBoxes, users } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import {
  closedPort,
  type Running,
  type SmtpFake,
  startImap,
  startSilent,
  startSmtp,
} from '../../test-utils/mail-servers.ts'

const USER = 'support@acme.test'
const IMAP_PASSWORD = 'imap-Secret-7f3a9c'
const SMTP_PASSWORD = 'smtp-Secret-2b8e4d'
const WRONG = 'wrong-Password-5c1d'
const BOXES = '/rest/v1/email_boxes'
const TEST = '/functions/v1/test-email-box'
const SEND = '/functions/v1/send-test-email'

interface Box {
  id: string
  email: string
  imap_password_set: boolean
  smtp_password_set: boolean
  last_check: (TestEmailBoxResult & { at: string }) | null
  [column: string]: unknown
}

let ctx: TestContext
let imap: Running
let imapTls: Running
let smtp: SmtpFake
let smtpTls: SmtpFake
let silent: Running
let closed: number
/** Everything the process logged while the tests ran. */
const logged: string[] = []

beforeAll(async () => {
  ctx = await createTestContext({ EMAIL_BOX_TIMEOUT_SECONDS: 1 })
  imap = await startImap({ username: USER, password: IMAP_PASSWORD, messages: 3 })
  imapTls = await startImap({ username: USER, password: IMAP_PASSWORD, messages: 1, tls: true })
  smtp = await startSmtp({ username: USER, password: SMTP_PASSWORD })
  smtpTls = await startSmtp({ username: USER, password: SMTP_PASSWORD, tls: true })
  silent = await startSilent()
  closed = await closedPort()
})
afterAll(async () => {
  await Promise.all([imap, imapTls, smtp, smtpTls, silent].map((s) => s?.close()))
  ctx?.close()
})
beforeEach(() => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
  }
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** Unsaved settings for the plaintext servers; `over` changes some. */
function settings(over: Record<string, unknown> = {}) {
  return {
    imap_host: '127.0.0.1',
    imap_port: imap.port,
    imap_security: 'none' satisfies MailSecurity,
    imap_username: USER,
    imap_password: IMAP_PASSWORD,
    smtp_host: '127.0.0.1',
    smtp_port: smtp.port,
    smtp_security: 'none' satisfies MailSecurity,
    smtp_username: USER,
    smtp_password: SMTP_PASSWORD,
    ...over,
  }
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}

const test = async (body: unknown, token = ctx.orgA.tokens.admin) =>
  json<TestEmailBoxResult>(await ctx.request('POST', TEST, { token, body }), 200)

async function saveBox(over: Record<string, unknown> = {}, token = ctx.orgA.tokens.admin): Promise<Box> {
  const res = await ctx.request('POST', BOXES, {
    token,
    body: { name: 'Support', email: USER, ...settings(), ...over },
    headers: { Prefer: 'return=representation' },
  })
  const [row] = await json<Box[]>(res, 201)
  return row as Box
}

const readBox = async (id: string, token = ctx.orgA.tokens.admin) =>
  (await json<Box[]>(await ctx.request('GET', `${BOXES}?id=eq.${id}`, { token }), 200))[0] as Box

const side = (code: MailCheck['code'], message?: RegExp) =>
  expect.objectContaining({
    ok: code === 'ok',
    code,
    ...(message ? { message: expect.stringMatching(message) } : {}),
  })

describe('test-email-box with unsaved settings', () => {
  it('logs in to both servers and answers the INBOX count', async () => {
    expect(await test(settings())).toEqual({
      imap: { ok: true, code: 'ok', message: 'Logged in and opened INBOX (3 messages).', messages: 3 },
      smtp: { ok: true, code: 'ok', message: 'Logged in to the SMTP server.' },
    })
  })

  it('a wrong password is auth_failed on each side, and the message does not repeat it', async () => {
    const result = await test(settings({ imap_password: WRONG, smtp_password: WRONG }))
    expect(result).toEqual({
      imap: side('auth_failed', /IMAP server refused the username or password/),
      smtp: side('auth_failed', /SMTP server refused the username or password/),
    })
    expect(JSON.stringify(result)).not.toContain(WRONG)
    expect(smtp.logins).toContainEqual({ username: USER, password: WRONG }) // it really tried
  })

  it('a closed port is refused', async () => {
    expect(await test(settings({ imap_port: closed, smtp_port: closed }))).toEqual({
      imap: side('refused', new RegExp(`127\\.0\\.0\\.1:${closed}`)),
      smtp: side('refused', new RegExp(`127\\.0\\.0\\.1:${closed}`)),
    })
  })

  it('a server that never greets is a timeout within the configured deadline', async () => {
    expect(await test(settings({ imap_port: silent.port, smtp_port: silent.port }))).toEqual({
      imap: side('timeout', /no IMAP greeting within 1 s\. If this port expects TLS/),
      smtp: side('timeout', /no SMTP greeting within 1 s/),
    })
  })

  it('TLS on a plaintext port is tls_error', async () => {
    expect(await test(settings({ imap_security: 'tls', smtp_security: 'tls' }))).toEqual({
      imap: side('tls_error', /does not speak TLS on port/),
      smtp: side('tls_error', /does not speak TLS on port/),
    })
  })

  it('a self-signed certificate is tls_error', async () => {
    const result = await test(
      settings({
        imap_port: imapTls.port,
        imap_security: 'tls',
        smtp_port: smtpTls.port,
        smtp_security: 'tls',
      }),
    )
    expect(result).toEqual({ imap: side('tls_error', /self-signed/), smtp: side('tls_error', /self-signed/) })
  })

  it('an unknown host is dns_failed', async () => {
    expect(
      await test(settings({ imap_host: 'imap.nowhere.invalid', smtp_host: 'smtp.nowhere.invalid' })),
    ).toEqual({
      imap: side('dns_failed', /imap\.nowhere\.invalid could not be found/),
      smtp: side('dns_failed', /smtp\.nowhere\.invalid could not be found/),
    })
  })

  it('STARTTLS required but not offered is not_supported', async () => {
    expect(await test(settings({ imap_security: 'starttls', smtp_security: 'starttls' }))).toEqual({
      imap: side('not_supported', /does not offer STARTTLS/),
      smtp: side('not_supported', /STARTTLS/),
    })
  })

  it('each side has its own result: one failing does not fail the other', async () => {
    expect(await test(settings({ smtp_port: closed }))).toEqual({ imap: side('ok'), smtp: side('refused') })
  })

  it('without an id every connection field is needed: 400 naming the missing ones', async () => {
    const { imap_password: _, smtp_host: __, ...partial } = settings()
    const error = await json<{ code: string; details: { field: string }[] }>(
      await ctx.request('POST', TEST, { token: ctx.orgA.tokens.admin, body: partial }),
      400,
    )
    expect(error.code).toBe('22P02')
    expect(error.details.map((d) => d.field).sort()).toEqual(['imap_password', 'smtp_host'])
  })

  it('ports and security default to 993/465 with TLS', async () => {
    const { imap_port: _, imap_security: __, smtp_port: ___, smtp_security: ____, ...rest } = settings()
    // Nothing listens on 127.0.0.1:993 or :465 here.
    expect(await test(rest)).toEqual({
      imap: side('refused', /127\.0\.0\.1:993/),
      smtp: side('refused', /127\.0\.0\.1:465/),
    })
  })
})

describe('test-email-box with a saved box', () => {
  it('saving answers no password, only whether each is set; the stored one is ciphertext', async () => {
    const box = await saveBox()
    expect(box).toMatchObject({
      id: expect.stringMatching(/^ebx_/),
      imap_password_set: true,
      smtp_password_set: true,
    })
    expect(box).not.toHaveProperty('imap_password')
    expect(box).not.toHaveProperty('smtp_password')
    expect(box.last_check).toBeNull()
    const [stored] = await ctx.db.select().from(emailBoxes).where(eq(emailBoxes.id, box.id))
    expect(stored?.imap_password).toMatch(/^v1\./)
    expect(stored?.imap_password).not.toContain(IMAP_PASSWORD)
    expect(stored?.smtp_password).not.toContain(SMTP_PASSWORD)
  })

  it('tests by id with the saved passwords and stores the result as last_check', async () => {
    const box = await saveBox()
    const result = await test({ id: box.id })
    expect(result).toEqual({ imap: side('ok'), smtp: side('ok') })
    expect((await readBox(box.id)).last_check).toEqual({ ...result, at: expect.any(String) })
  })

  it('unsaved fields override the saved ones, a missing password is the saved one, and last_check stays', async () => {
    const box = await saveBox()
    const first = await test({ id: box.id })
    expect(await test({ id: box.id, smtp_port: closed })).toEqual({ imap: side('ok'), smtp: side('refused') })
    expect(await test({ id: box.id, imap_password: WRONG })).toEqual({
      imap: side('auth_failed'),
      smtp: side('ok'),
    })
    expect((await readBox(box.id)).last_check).toEqual({ ...first, at: expect.any(String) })
  })

  it('a PATCH without a password keeps it; changing a connection setting clears last_check', async () => {
    const box = await saveBox()
    await test({ id: box.id })
    const patch = (body: unknown) =>
      ctx.request('PATCH', `${BOXES}?id=eq.${box.id}`, { token: ctx.orgA.tokens.admin, body })
    expect((await patch({ name: 'Renamed' })).status).toBe(204)
    expect((await readBox(box.id)).last_check).not.toBeNull()
    expect(await test({ id: box.id })).toEqual({ imap: side('ok'), smtp: side('ok') })
    expect((await patch({ smtp_port: closed })).status).toBe(204)
    const changed = await readBox(box.id)
    expect(changed).toMatchObject({
      name: 'Renamed',
      smtp_port: closed,
      last_check: null,
      smtp_password_set: true,
    })
    expect(await test({ id: box.id })).toEqual({ imap: side('ok'), smtp: side('refused') })
  })

  it('a host is a host: a scheme or a port in it is 400 naming the field', async () => {
    const res = await ctx.request('POST', BOXES, {
      token: ctx.orgA.tokens.admin,
      body: { name: 'Bad', email: USER, ...settings({ imap_host: 'imaps://imap.example.com:993' }) },
    })
    const error = await json<{ details: { field: string; params?: { id?: string } }[] }>(res, 400)
    expect(error.details).toEqual([
      expect.objectContaining({ field: 'imap_host', params: { id: 'mail_host' } }),
    ])
  })
})

describe('send-test-email', () => {
  let box: Box
  beforeAll(async () => {
    box = await saveBox({ name: 'Sales', email: 'sales@acme.test' })
  })

  it("sends from the box's address to the signed-in member by default, and it arrives", async () => {
    const before = smtp.received.length
    const result = await json<{ ok: boolean; code: string; message_id?: string }>(
      await ctx.request('POST', SEND, { token: ctx.orgA.tokens.admin, body: { id: box.id } }),
      200,
    )
    expect(result).toMatchObject({ ok: true, code: 'ok', message_id: expect.stringMatching(/^<.+>$/) })
    const [mail] = smtp.received.slice(before)
    const [admin] = await ctx.db.select().from(users).where(eq(users.id, ctx.orgA.userIds.admin))
    expect(mail).toMatchObject({
      from: 'sales@acme.test',
      to: [admin?.email],
      subject: 'Test email from Sales',
    })
    expect(mail?.raw).toContain(result.message_id)
  })

  it('sends to `to` when given; an API key must give it', async () => {
    const before = smtp.received.length
    const withKey = (body: unknown) => ctx.request('POST', SEND, { token: ctx.orgA.apiKey, body })
    const missing = await json<{ code: string; details: { field: string }[] }>(
      await withKey({ id: box.id }),
      400,
    )
    expect(missing).toMatchObject({ code: '22P02', details: [expect.objectContaining({ field: 'to' })] })
    await json(await withKey({ id: box.id, to: 'ana@example.com' }), 200)
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['ana@example.com']])
  })

  it('a send that fails is an answer with its code', async () => {
    const down = await saveBox({ smtp_port: closed })
    expect(
      await json(
        await ctx.request('POST', SEND, { token: ctx.orgA.tokens.admin, body: { id: down.id } }),
        200,
      ),
    ).toEqual(side('refused'))
  })
})

describe('who may use email boxes', () => {
  let box: Box
  beforeAll(async () => {
    box = await saveBox()
  })

  it.each(['agent', 'project_manager', 'team_admin'] as const)('a %s gets 403 everywhere', async (role) => {
    const token = ctx.orgA.tokens[role]
    for (const [method, path, body] of [
      ['GET', BOXES, undefined],
      ['POST', BOXES, { name: 'X', email: USER, ...settings() }],
      ['POST', TEST, { id: box.id }],
      ['POST', TEST, settings()],
      ['POST', SEND, { id: box.id, to: 'ana@example.com' }],
    ] as const) {
      const res = await ctx.request(method, path, { token, body })
      expect(res.status, `${method} ${path}`).toBe(403)
    }
  })

  it("another org's box is 404 to both functions, and absent from its list", async () => {
    const other = ctx.orgB.tokens.owner
    for (const [path, body] of [
      [TEST, { id: box.id }],
      [TEST, { id: box.id, ...settings() }],
      [SEND, { id: box.id, to: 'ana@example.com' }],
    ] as const) {
      const error = await json<{ code: string }>(await ctx.request('POST', path, { token: other, body }), 404)
      expect(error.code).toBe('CG404')
    }
    expect(await json(await ctx.request('GET', BOXES, { token: other }), 200)).toEqual([])
  })

  it('an owner and an API key may test', async () => {
    expect(await test({ id: box.id }, ctx.orgA.tokens.owner)).toEqual({ imap: side('ok'), smtp: side('ok') })
    expect(await test({ id: box.id }, ctx.orgA.apiKey)).toEqual({ imap: side('ok'), smtp: side('ok') })
  })
})

describe('the passwords never leave', () => {
  it('in no select, audit entry, error or log', async () => {
    const box = await saveBox()
    await ctx.request('PATCH', `${BOXES}?id=eq.${box.id}`, {
      token: ctx.orgA.tokens.admin,
      body: { imap_password: IMAP_PASSWORD, smtp_password: SMTP_PASSWORD },
    })
    const token = ctx.orgA.tokens.owner
    const answers: string[] = []
    const read = async (method: string, path: string, body?: unknown) => {
      const res = await ctx.request(method, path, { token, body })
      answers.push(`${res.status} ${await res.text()}`)
    }
    await read('GET', BOXES)
    await read('GET', `${BOXES}?select=*`)
    await read('GET', `${BOXES}?select=id,imap_password`)
    await read('GET', `${BOXES}?smtp_password=eq.${SMTP_PASSWORD}`)
    await read('GET', '/rest/v1/audit_log?resource=eq.email_boxes')
    await read('POST', TEST, { id: box.id })
    await read('POST', TEST, { id: box.id, imap_port: closed, smtp_port: silent.port })
    // An invalid request that carries the passwords: the error names the field, never the value.
    await read('POST', BOXES, { name: 'X', email: 'not-an-email', ...settings(), imap_port: 0 })
    await read('POST', TEST, { ...settings(), smtp_port: 'x' })
    const audit = answers.find((a) => a.includes('"resource":"email_boxes"'))
    expect(audit, 'the audit log has the writes').toBeDefined()
    expect(audit).toContain(`"imap_password":"${REDACTED}"`)
    for (const text of [...answers, ...logged]) {
      expect(text).not.toContain(IMAP_PASSWORD)
      expect(text).not.toContain(SMTP_PASSWORD)
      expect(text).not.toContain(WRONG)
    }
  })
})

describe('in production', () => {
  let production: TestContext
  beforeAll(async () => {
    production = await createTestContext({ CG_MODE: 'production', EMAIL_BOX_TIMEOUT_SECONDS: 1 })
  })
  afterAll(() => production?.close())

  it.each(['127.0.0.1', '10.1.2.3', '169.254.169.254', 'localhost', 'mail.internal'])(
    'refuses the private host %s on save and for a test',
    async (host) => {
      const token = production.orgA.tokens.admin
      const body = { name: 'Box', email: USER, ...settings({ smtp_host: host }) }
      const saved = await json<{ code: string; details: { field: string }[] }>(
        await production.request('POST', BOXES, { token, body: { ...body, imap_host: 'imap.example.com' } }),
        400,
      )
      expect(saved).toMatchObject({
        code: '22P02',
        details: [expect.objectContaining({ field: 'smtp_host' })],
      })
      const tested = await json<{ details: { field: string }[] }>(
        await production.request('POST', TEST, { token, body: settings({ imap_host: host }) }),
        400,
      )
      expect(tested.details.map((d) => d.field)).toEqual(['imap_host', 'smtp_host'])
    },
  )

  it('takes a public host name', async () => {
    const res = await production.request('POST', BOXES, {
      token: production.orgA.tokens.admin,
      body: {
        name: 'Box',
        email: USER,
        ...settings({ imap_host: 'IMAP.Example.com', smtp_host: 'smtp.example.com' }),
      },
      headers: { Prefer: 'return=representation' },
    })
    expect((await json<Box[]>(res, 201))[0]).toMatchObject({ imap_host: 'imap.example.com' })
  })
})
