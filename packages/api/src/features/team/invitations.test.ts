/**
 * @module Invitations on the Node host: the email through a real SMTP server on 127.0.0.1 (smtp-server), its link
 * accepted; expiry on a moved clock; a resend killing the old link; production without SMTP refusing to invite.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobHandlers } from '../../app.ts'
import { smtpMailer } from '../../hosts/node-mailer.ts'
import { TableQueue } from '../../jobs/table-queue.ts'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'

const received: { to: string[]; raw: string }[] = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, done) {
    let raw = ''
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8')
    })
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
      done()
    })
  },
})

let t: TestContext
let mailQueue: TableQueue
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  t = await createTestContext({ SMTP_URL: url, MAIL_FROM: 'Acme Team <team@acme.test>' })
  // The host's queue with its mailer, as hosts/node.ts wires it.
  mailQueue = new TableQueue(
    { db: t.db, clock: t.clock, config: t.config, mailer: smtpMailer(url) },
    jobHandlers,
  )
})
afterAll(async () => {
  t.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

/** The body of a quoted-printable message, decoded enough to read a link. */
const decoded = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

const invite = (body: object, token = t.orgA.tokens.owner) =>
  t.request('POST', '/functions/v1/invite-member', { token, body })
const accept = (body: object) =>
  t.request('POST', '/functions/v1/accept-invitation', { token: t.orgA.apiKey, body })
const tokenOf = (url: string) => new URL(url).searchParams.get('invite') as string

describe('invitations', () => {
  it('emails the invitation (text and HTML, the org, the inviter, the link) and the link is accepted', async () => {
    const res = await invite({ email: 'Ana@Example.com', role: 'agent' })
    expect(res.status).toBe(201)
    const invitation = (await res.json()) as {
      accept_url: string
      emailed: boolean
      email: string
      status: string
    }
    expect(invitation).toMatchObject({ email: 'ana@example.com', status: 'pending', emailed: true })
    await mailQueue.drain()
    const mail = received.find((m) => m.to.includes('ana@example.com'))
    expect(mail).toBeDefined()
    const body = decoded(mail?.raw ?? '')
    expect(body).toContain('Content-Type: text/plain')
    expect(body).toContain('Content-Type: text/html')
    expect(body).toContain('invited you to join Acme Inc as agent')
    expect(body).toContain(invitation.accept_url)
    const session = await accept({
      token: tokenOf(invitation.accept_url),
      email: 'ANA@example.com',
      name: 'Ana',
    })
    expect(session.status).toBe(201)
    expect(await session.json()).toMatchObject({ role: 'agent', org_id: t.orgA.id })
    const again = await accept({ token: tokenOf(invitation.accept_url), email: 'ana@example.com' })
    expect(again.status).toBe(410)
    expect((await again.json()).message).toBe('This invitation was already used')
  })

  it('a link expires after 7 days (410, naming when), and a resend issues a new link that kills the old one', async () => {
    const first = (await (await invite({ email: 'ben@example.com', role: 'admin' })).json()) as {
      id: string
      accept_url: string
    }
    t.clock.advance(8 * 86_400_000)
    const expired = await accept({ token: tokenOf(first.accept_url), email: 'ben@example.com' })
    expect(expired.status).toBe(410)
    expect((await expired.json()).message).toMatch(/^This invitation expired on /)
    // Eight days on, the sessions have expired: the host's backend resends with its API key.
    const resent = await t.request('POST', '/functions/v1/resend-invitation', {
      token: t.orgA.apiKey,
      body: { id: first.id },
    })
    expect(resent.status).toBe(200)
    const { accept_url } = (await resent.json()) as { accept_url: string }
    expect(accept_url).not.toBe(first.accept_url)
    expect((await accept({ token: tokenOf(first.accept_url), email: 'ben@example.com' })).status).toBe(404)
    expect((await accept({ token: tokenOf(accept_url), email: 'ben@example.com' })).status).toBe(201)
  })

  it('in production without SMTP_URL, inviting is refused naming the variable, and nothing is written', async () => {
    const prod = await createTestContext({ CG_MODE: 'production' })
    const res = await prod.request('POST', '/functions/v1/invite-member', {
      token: prod.orgA.tokens.owner,
      body: { email: 'cy@example.com', role: 'agent' },
    })
    expect(res.status).toBe(503)
    expect((await res.json()).message).toContain('SMTP_URL')
    const list = await prod.request('GET', '/rest/v1/invitations', { token: prod.orgA.tokens.owner })
    expect(await list.json()).toEqual([])
    prod.close()
  })
})
