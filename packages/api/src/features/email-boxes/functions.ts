/**
 * @module Email box functions (Beta): `test-email-box` logs in to IMAP (opening INBOX) and SMTP at once, for a saved
 * box or unsaved settings; `send-test-email` sends a real message through a box's SMTP. Owners and admins only. The
 * host's email tester does the talking; a host without one (the Worker) answers 501.
 */
import {
  type MailCheck,
  MailConnection,
  mailConnectionFields,
  SendTestEmailRequest,
  SendTestEmailResult,
  TestEmailBoxRequest,
  TestEmailBoxResult,
} from '@connectgain/contracts'
import { type Db, emailBoxes, users } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import * as z from 'zod/mini'
import type { Caller } from '../../caller.ts'
import type { Deps } from '../../deps.ts'
import { ApiError } from '../../errors.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction } from '../../functions/registry.ts'
import type { EmailTester, MailDeadline } from '../../mail.ts'
import { assertHosts, isServer, mergedSettings, overridesConnection, serverFor } from './servers.ts'

/** 501 on a host that cannot open mail connections: workerd's sockets do not report TLS failures reliably. */
function testerOf(deps: Deps, name: string): EmailTester {
  if (deps.emailTester) return deps.emailTester
  throw new ApiError(
    'CG501',
    `${name} is not available on this host: connecting to IMAP and SMTP servers needs the Node host (npm start), not the Cloudflare Worker`,
    { hint: 'Run the Node host for email boxes; see docs/email-boxes.md' },
  )
}

const savedBox = (db: Db, orgId: string, id: string) =>
  orgRow(db, emailBoxes, orgId, id, { noun: 'email box', list: 'GET /rest/v1/email_boxes' })

const deadlineOf = (deps: Deps): MailDeadline => ({
  timeoutMs: deps.config.EMAIL_BOX_TIMEOUT_SECONDS * 1000,
})

export const testEmailBoxFunction = defineFunction({
  name: 'test-email-box',
  summary:
    "Test an email box (Beta): log in to its IMAP server and open INBOX (answering its message count) and, at the same time, log in to its SMTP server. Give a saved box's `id`, or unsaved settings to test before saving, or both: the given settings override the saved ones and a password left out is the saved one. Each side answers `{ok, code, message}` with `code` one of `ok`, `auth_failed`, `dns_failed`, `refused`, `timeout`, `tls_error`, `not_supported`; a failed login is an answer (200), not an error. Testing exactly a saved box stores the result as its `last_check`. Only on the Node host: the Worker answers 501. Owners and admins only.",
  auth: 'member',
  permission: 'test-email-box',
  changesData: true,
  input: TestEmailBoxRequest,
  output: TestEmailBoxResult,
  async handler({ id, ...given }, { deps, caller }) {
    const tester = testerOf(deps, 'test-email-box')
    const { db, config, clock } = deps
    const box = id === undefined ? null : await savedBox(db, caller.orgId, id)
    // Without a box the request holds every connection field; parsed again for the insert's defaults (ports, security).
    const connection = box
      ? given
      : z.parse(MailConnection, Object.fromEntries(mailConnectionFields.map((f) => [f, given[f]])))
    const settings = await mergedSettings(config.ENCRYPTION_KEY, box, connection)
    assertHosts({ imap_host: settings.imap.host, smtp_host: settings.smtp.host }, config.CG_MODE)
    const deadline = deadlineOf(deps)
    const [imap, smtp] = await Promise.all([
      serverFor('imap', settings.imap, deps).then((s) => (isServer(s) ? tester.checkImap(s, deadline) : s)),
      serverFor('smtp', settings.smtp, deps).then((s) => (isServer(s) ? tester.checkSmtp(s, deadline) : s)),
    ])
    if (box && !overridesConnection(given)) {
      const at = clock.now().toISOString()
      await db
        .update(emailBoxes)
        .set({ last_check: { imap, smtp, at } })
        .where(and(eq(emailBoxes.id, box.id), eq(emailBoxes.org_id, caller.orgId)))
    }
    return { imap, smtp }
  },
})

/** The signed-in member's address; an API key has none, so it must name `to`. */
async function callerEmail(db: Db, caller: Caller): Promise<string> {
  if (caller.kind === 'session') {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, caller.userId))
    if (user?.email) return user.email
  }
  throw new ApiError('22P02', 'Give `to`: an API key has no email address of its own', {
    details: [{ field: 'to', message: 'Required when calling with an API key', issue: 'required' }],
  })
}

export const sendTestEmailFunction = defineFunction({
  name: 'send-test-email',
  summary:
    "Send a real test message through an email box's SMTP server (Beta), from the box's address to `to`, or by default to the signed-in member's own address (an API key must give `to`). Answers `{ok, code, message, message_id}` with the codes of `test-email-box`; a refused send is an answer (200), not an error. Only on the Node host: the Worker answers 501. Owners and admins only.",
  auth: 'member',
  permission: 'send-test-email',
  changesData: true,
  input: SendTestEmailRequest,
  output: SendTestEmailResult,
  async handler({ id, to }, { deps, caller }) {
    const tester = testerOf(deps, 'send-test-email')
    const { db, config } = deps
    const box = await savedBox(db, caller.orgId, id)
    const recipient = to ?? (await callerEmail(db, caller))
    assertHosts(box, config.CG_MODE)
    const { smtp } = await mergedSettings(config.ENCRYPTION_KEY, box, {})
    const server = await serverFor('smtp', smtp, deps)
    if (!isServer(server)) return server satisfies MailCheck
    return tester.sendTest(
      server,
      {
        from: box.email,
        to: recipient,
        subject: `Test email from ${box.name}`,
        text: `This is a test message from the email box "${box.name}" <${box.email}>, sent through ${smtp.host}:${smtp.port}.\n\nIf you can read it, sending works.\n\nConnectGain`,
      },
      deadlineOf(deps),
    )
  },
})
