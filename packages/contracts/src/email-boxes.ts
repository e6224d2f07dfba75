/**
 * @module Email boxes (Beta): an IMAP/SMTP inbox an org connects. Both passwords are write-only: stored encrypted,
 * never read back (`imap_password_set` / `smtp_password_set` say whether one is saved). Also `test-email-box` and
 * `send-test-email`'s requests and answers.
 */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const mailSecurities = ['tls', 'starttls', 'none'] as const
export type MailSecurity = (typeof mailSecurities)[number]

/** What a connection test found, per side: a stable code a client branches on, beside a sentence for people. */
export const mailCheckCodes = [
  'ok',
  'auth_failed',
  'dns_failed',
  'refused',
  'timeout',
  'tls_error',
  'not_supported',
] as const
export type MailCheckCode = (typeof mailCheckCodes)[number]

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const IPV6 = /^[0-9a-f:.]+$/

/** A DNS name (letters, digits, hyphens, dots) or an IP address; no scheme, path or port. */
export function isMailHost(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false
  if (host.includes(':')) {
    if (!IPV6.test(host)) return false
    try {
      return new URL(`http://[${host}]/`).hostname !== ''
    } catch {
      return false
    }
  }
  return host
    .replace(/\.$/, '')
    .split('.')
    .every((label) => LABEL.test(label))
}

const mailHost = (side: 'IMAP' | 'SMTP') =>
  z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, `${side} host is required`),
      z.refine(
        isMailHost,
        rule(
          'mail_host',
          `Enter only the host name or IP address, such as ${side.toLowerCase()}.example.com: no ${side.toLowerCase()}://, path or :port`,
        ),
      ),
    )

const mailPort = () =>
  z
    .int('Port must be a whole number')
    .check(z.minimum(1, 'Port must be 1–65535'), z.maximum(65535, 'Port must be 1–65535'))

const username = (side: 'IMAP' | 'SMTP') =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${side} username is required`),
      z.maxLength(320, 'Username must be at most 320 characters'),
    )

/** Not trimmed: a password may start or end with a space. */
const password = (side: 'IMAP' | 'SMTP') =>
  z
    .string()
    .check(
      z.minLength(1, `${side} password is required`),
      z.maxLength(1024, 'Password must be at most 1024 characters'),
    )

const securityOptions = {
  tls: 'TLS (SSL)',
  starttls: 'STARTTLS',
  none: 'None (unencrypted)',
} as const

const Security = () => z.enum(mailSecurities)

/** A side's last test result, as `test-email-box` answers it. */
export const MailCheck = meta(
  z.object({
    ok: z.boolean(),
    code: meta(z.enum(mailCheckCodes), {
      description:
        '`ok`, or what went wrong: `auth_failed` (username or password), `dns_failed` (no such host), `refused` (nothing listens on the port, or the address is not allowed), `timeout` (no answer or no greeting in time), `tls_error` (certificate or TLS setting), `not_supported` (the server lacks what the settings need, e.g. STARTTLS).',
    }),
    message: meta(z.string(), { description: 'What happened and what to do, in plain words.' }),
  }),
  { id: 'MailCheck' },
)
export type MailCheck = z.infer<typeof MailCheck>

export const ImapCheck = meta(
  z.object({
    ...MailCheck.shape,
    messages: meta(z.optional(z.number()), { description: 'How many messages INBOX holds (on success).' }),
  }),
  { id: 'ImapCheck' },
)
export type ImapCheck = z.infer<typeof ImapCheck>

export const TestEmailBoxResult = meta(z.object({ imap: ImapCheck, smtp: MailCheck }), {
  id: 'TestEmailBoxResult',
  examples: [
    {
      imap: { ok: true, code: 'ok', message: 'Logged in and opened INBOX (42 messages).', messages: 42 },
      smtp: {
        ok: false,
        code: 'auth_failed',
        message:
          'The SMTP server refused the username or password. Check them; Gmail, Outlook and Fastmail need an app password.',
      },
    },
  ],
})
export type TestEmailBoxResult = z.infer<typeof TestEmailBoxResult>

export const EmailBox = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    imap_host: z.string(),
    imap_port: z.number(),
    imap_security: z.enum(mailSecurities),
    imap_username: z.string(),
    imap_password_set: meta(z.boolean(), {
      description: 'Whether an IMAP password is saved (it is never returned).',
    }),
    smtp_host: z.string(),
    smtp_port: z.number(),
    smtp_security: z.enum(mailSecurities),
    smtp_username: z.string(),
    smtp_password_set: meta(z.boolean(), {
      description: 'Whether an SMTP password is saved (it is never returned).',
    }),
    last_check: meta(z.nullable(z.object({ ...TestEmailBoxResult.shape, at: z.string() })), {
      description:
        'The last `test-email-box` of the saved settings and when it ran; null until tested, and again after a connection setting changes.',
    }),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'EmailBox' },
)
export type EmailBox = z.infer<typeof EmailBox>

export const EmailBoxInsert = meta(
  z.strictObject({
    name: ui(oneLineName(100), {
      id: 'eb.name',
      label: 'Name',
      help: 'How the box is called in lists, e.g. Support.',
    }),
    email: ui(z.email('Must be an email address such as support@example.com'), {
      id: 'eb.email',
      label: 'Email address',
      help: 'The address messages are sent from and received at.',
    }),
    imap_host: ui(mailHost('IMAP'), {
      id: 'eb.imap_host',
      label: 'IMAP host',
      help: 'The incoming mail server, e.g. imap.gmail.com.',
    }),
    imap_port: ui(z._default(mailPort(), 993), {
      id: 'eb.imap_port',
      label: 'IMAP port',
      help: 'Port 993 with TLS, 143 with STARTTLS.',
    }),
    imap_security: ui(z._default(Security(), 'tls'), {
      id: 'eb.imap_security',
      label: 'IMAP security',
      help: 'TLS connects encrypted from the start; STARTTLS upgrades a plain connection.',
      options: securityOptions,
    }),
    imap_username: ui(username('IMAP'), {
      id: 'eb.imap_username',
      label: 'IMAP username',
      help: 'Usually the full email address.',
    }),
    imap_password: ui(password('IMAP'), {
      id: 'eb.imap_password',
      label: 'IMAP password',
      help: 'Saved encrypted and never shown again. Gmail, Outlook and Fastmail need an app password.',
    }),
    smtp_host: ui(mailHost('SMTP'), {
      id: 'eb.smtp_host',
      label: 'SMTP host',
      help: 'The outgoing mail server, e.g. smtp.gmail.com.',
    }),
    smtp_port: ui(z._default(mailPort(), 465), {
      id: 'eb.smtp_port',
      label: 'SMTP port',
      help: 'Port 465 with TLS, 587 with STARTTLS.',
    }),
    smtp_security: ui(z._default(Security(), 'tls'), {
      id: 'eb.smtp_security',
      label: 'SMTP security',
      help: 'TLS connects encrypted from the start; STARTTLS upgrades a plain connection.',
      options: securityOptions,
    }),
    smtp_username: ui(username('SMTP'), {
      id: 'eb.smtp_username',
      label: 'SMTP username',
      help: 'Usually the full email address.',
    }),
    smtp_password: ui(password('SMTP'), {
      id: 'eb.smtp_password',
      label: 'SMTP password',
      help: 'Saved encrypted and never shown again. Often the same as the IMAP password.',
    }),
  }),
  {
    id: 'EmailBoxInsert',
    examples: [
      {
        name: 'Support',
        email: 'support@example.com',
        imap_host: 'imap.example.com',
        imap_port: 993,
        imap_security: 'tls',
        imap_username: 'support@example.com',
        imap_password: 'app-password',
        smtp_host: 'smtp.example.com',
        smtp_port: 465,
        smtp_security: 'tls',
        smtp_username: 'support@example.com',
        smtp_password: 'app-password',
      },
    ],
  },
)
export type EmailBoxInsert = z.input<typeof EmailBoxInsert>

/** Every field optional; a password left out keeps the saved one. */
export const EmailBoxUpdate = meta(patchOf(EmailBoxInsert), { id: 'EmailBoxUpdate' })
export type EmailBoxUpdate = z.infer<typeof EmailBoxUpdate>

/** The fields a connection needs: the rest (name, email) may be given to a test and are not used. */
export const mailConnectionFields = [
  'imap_host',
  'imap_port',
  'imap_security',
  'imap_username',
  'imap_password',
  'smtp_host',
  'smtp_port',
  'smtp_security',
  'smtp_username',
  'smtp_password',
] as const

const connectionShape = Object.fromEntries(
  mailConnectionFields.map((field) => [field, EmailBoxInsert.shape[field]]),
) as Pick<typeof EmailBoxInsert.shape, (typeof mailConnectionFields)[number]>

/** The connection settings of an unsaved box, with the insert's defaults (ports, security). */
export const MailConnection = z.object(connectionShape)
export type MailConnection = z.infer<typeof MailConnection>

/**
 * `POST /functions/v1/test-email-box`: a saved box's `id`, or unsaved settings (to test before saving), or both: the
 * given fields override the saved ones and a password left out is the saved one (to test while editing).
 */
export const TestEmailBoxRequest = meta(
  z
    .strictObject({
      id: meta(z.optional(z.string().check(z.minLength(1))), {
        description: "A saved box's id (`ebx_…`), of the caller's organization.",
      }),
      ...EmailBoxUpdate.shape,
    })
    .check(
      z.superRefine((request, ctx) => {
        if (request.id !== undefined) return
        // Without a saved box every connection field is needed, as when saving one.
        for (const field of mailConnectionFields) {
          if (request[field] !== undefined || EmailBoxInsert.shape[field] instanceof z.ZodMiniDefault)
            continue
          ctx.addIssue({
            code: 'custom',
            message: `Give ${field}, or the id of a saved box`,
            params: { id: 'required' },
            path: [field],
            input: request,
          })
        }
      }),
    ),
  {
    id: 'TestEmailBoxRequest',
    examples: [
      { id: 'ebx_01hv8k3m5q7r9t2w4x6z' },
      {
        imap_host: 'imap.gmail.com',
        imap_username: 'support@example.com',
        imap_password: 'abcd efgh ijkl mnop',
        smtp_host: 'smtp.gmail.com',
        smtp_username: 'support@example.com',
        smtp_password: 'abcd efgh ijkl mnop',
      },
      { id: 'ebx_01hv8k3m5q7r9t2w4x6z', smtp_port: 587, smtp_security: 'starttls' },
    ],
  },
)
export type TestEmailBoxRequest = z.infer<typeof TestEmailBoxRequest>

/** `POST /functions/v1/send-test-email`. */
export const SendTestEmailRequest = meta(
  z.strictObject({
    id: meta(z.string().check(z.minLength(1)), { description: "A saved box's id (`ebx_…`)." }),
    to: meta(z.optional(z.email('Must be an email address such as ana@example.com')), {
      description: "Who gets it: the signed-in member's own address by default; an API key must give one.",
    }),
  }),
  {
    id: 'SendTestEmailRequest',
    examples: [{ id: 'ebx_01hv8k3m5q7r9t2w4x6z', to: 'ana@example.com' }],
  },
)
export type SendTestEmailRequest = z.infer<typeof SendTestEmailRequest>

export const SendTestEmailResult = meta(
  z.object({
    ...MailCheck.shape,
    message_id: meta(z.optional(z.string()), {
      description: 'The `Message-ID` of the sent message (on success).',
    }),
  }),
  {
    id: 'SendTestEmailResult',
    examples: [
      {
        ok: true,
        code: 'ok',
        message: 'Sent to ana@example.com through smtp.example.com.',
        message_id: '<1c2d3e4f@example.com>',
      },
    ],
  },
)
export type SendTestEmailResult = z.infer<typeof SendTestEmailResult>
