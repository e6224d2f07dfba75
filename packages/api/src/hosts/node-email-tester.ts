/**
 * @module The Node host's email tester: IMAP with imapflow (log in, open INBOX, log out) and SMTP with nodemailer
 * (`verify()`, or a test message), each under short deadlines. Every failure becomes a code and a sentence for
 * people; no sentence holds the password, and neither library logs.
 */
import type { ImapCheck, MailCheck, MailCheckCode, SendTestEmailResult } from '@connectgain/contracts'
import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import type { EmailTester, MailDeadline, MailServer } from '../mail.ts'

type Side = 'IMAP' | 'SMTP'

/** What the libraries put on their errors, as far as a diagnosis reads it. */
interface MailError {
  message?: string
  code?: string
  /** nodemailer: the socket's own code under ESOCKET / EDNS / ETLS. */
  originalCode?: string
  /** nodemailer: the SMTP command that failed, and the server's reply. */
  command?: string
  response?: string
  responseCode?: number
  /** imapflow: the server refused the login. */
  authenticationFailed?: boolean
  /** imapflow: the server's words on a refused command. */
  responseText?: string
  /** imapflow: STARTTLS was required and is not possible. */
  tlsFailed?: boolean
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'ESERVFAIL', 'EDNS'])
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'])
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNECTION', 'EConnectionClosed', 'NoConnection'])
const TIMEOUT = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEDOUT', 'ETIMEOUT'])
const PROTOCOL = new Set(['EPROTOCOL', 'InvalidResponse', 'UnexpectedTag', 'MissingTag'])
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN'])
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
])

const isTlsCode = (code: string) =>
  SELF_SIGNED.has(code) ||
  UNTRUSTED.has(code) ||
  code.startsWith('CERT_') ||
  code.startsWith('ERR_SSL_') ||
  code.startsWith('ERR_TLS_') ||
  code === 'HOSTNAME_MISMATCH' ||
  code === 'ETLS' ||
  code === 'ClosedAfterConnectTLS'

const fail = (code: MailCheckCode, message: string): MailCheck => ({ ok: false, code, message })

/** The server's own words, quoted when there are any (a refused login's reason). */
const said = (text: string | undefined) => {
  const words = text?.trim().replace(/\s+/g, ' ').slice(0, 200)
  return words ? ` The server said: "${words}".` : ''
}

/** Why TLS failed, in words, from the socket's code. */
function tlsReason(code: string, server: MailServer): string {
  if (SELF_SIGNED.has(code))
    return "the server's certificate is self-signed, not issued by a trusted authority. Use the provider's official host name"
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
    return `the server's certificate is not for ${server.host}. Use the host name the provider gives, not an alias or an IP address`
  if (code === 'CERT_HAS_EXPIRED') return "the server's certificate has expired"
  if (UNTRUSTED.has(code)) return "the server's certificate is not issued by a trusted authority"
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code.startsWith('ERR_SSL_'))
    return `the server does not speak TLS on port ${server.port}. If the port expects STARTTLS (143, 587) or no encryption, change the security setting`
  return 'the secure connection could not be set up. Check the port and the security setting'
}

/** One failure of either library as a code and a sentence. */
export function diagnose(side: Side, server: MailServer, error: unknown, timeoutMs: number): MailCheck {
  const err = (error ?? {}) as MailError
  // nodemailer wraps a socket's failure in ESOCKET (or EDNS, ETLS): the cause is its originalCode.
  const code = err.code === 'ESOCKET' ? (err.originalCode ?? 'ESOCKET') : (err.code ?? '')
  const where = `${server.host}:${server.port}`
  const seconds = Math.round(timeoutMs / 1000)
  if (err.authenticationFailed || code === 'EAUTH' || code === 'ENOAUTH') {
    return fail(
      'auth_failed',
      `The ${side} server refused the username or password.${said(err.responseText ?? err.response)} Check them; Gmail, Outlook and Fastmail need an app password, and the account must allow ${side}.`,
    )
  }
  if (err.tlsFailed) {
    return fail(
      'not_supported',
      `The ${side} server at ${where} does not offer STARTTLS. Choose TLS (usually port ${side === 'IMAP' ? 993 : 465}), or ask the provider for the right settings.`,
    )
  }
  if (code === 'ETLS' && err.command === 'STARTTLS' && err.responseCode) {
    return fail(
      'not_supported',
      `The ${side} server at ${where} refused STARTTLS.${said(err.response)} Choose TLS (usually port 465), or ask the provider for the right settings.`,
    )
  }
  if (DNS.has(code) || DNS.has(err.originalCode ?? '')) {
    return fail(
      'dns_failed',
      `The ${side} host ${server.host} could not be found (DNS). Check the host name.`,
    )
  }
  if (REFUSED.has(code)) {
    return fail(
      'refused',
      `Nothing accepted a connection at ${where}. Check the host and the port, and that no firewall blocks it.`,
    )
  }
  if (TIMEOUT.has(code)) {
    const greeting =
      code === 'GREETING_TIMEOUT' ||
      (error as { timeoutType?: string } | null)?.timeoutType === 'GREETING_TIMEOUT'
    return fail(
      'timeout',
      greeting
        ? `${where} accepted the connection but sent no ${side} greeting within ${seconds} s.${server.security === 'tls' ? ' Check the port.' : ' If this port expects TLS from the start (993, 465), choose TLS.'}`
        : `${where} did not answer within ${seconds} s. Check the host and the port; a firewall may be dropping the connection.`,
    )
  }
  if (isTlsCode(code) || isTlsCode(err.originalCode ?? '')) {
    const tls = isTlsCode(code) && code !== 'ETLS' ? code : (err.originalCode ?? code)
    return fail('tls_error', `The secure connection to ${where} failed: ${tlsReason(tls, server)}.`)
  }
  if (code === 'ClosedAfterConnectText') {
    return fail(
      'tls_error',
      `${where} closed the connection before greeting. If this port expects TLS from the start (993, 465), choose TLS.`,
    )
  }
  if (CLOSED.has(code)) {
    return fail(
      'refused',
      `${where} closed the connection.${said(err.response)} Check the port and the security setting.`,
    )
  }
  if (PROTOCOL.has(code) || code.startsWith('ParserError')) {
    return fail(
      'not_supported',
      `${where} did not answer as an ${side} server. Check that the port is the provider's ${side} port.`,
    )
  }
  return fail('refused', `Could not talk to the ${side} server at ${where}${code ? ` (${code})` : ''}.`)
}

/** A message never holds the password, whatever a server or library put in it. */
function scrubbed<T extends MailCheck>(check: T, password: string): T {
  return password ? { ...check, message: check.message.split(password).join('••••') } : check
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(':')

/** `settle` or, past `ms`, a timeout: the libraries' own deadlines cover connecting, this covers a stalled step after. */
async function within<T>(ms: number, work: Promise<T>, onLate: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onLate()
      reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' }))
    }, ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

async function checkImap(server: MailServer, { timeoutMs }: MailDeadline): Promise<ImapCheck> {
  const client = new ImapFlow({
    host: server.address ?? server.host,
    ...(server.address && !isIp(server.host) ? { servername: server.host } : {}),
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    auth: { user: server.username, pass: server.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
  })
  // imapflow emits 'error' for a socket that fails after connect(); unobserved, it would crash the process.
  client.on('error', () => {})
  try {
    const messages = await within(
      timeoutMs * 4,
      (async () => {
        await client.connect()
        const inbox = await client.mailboxOpen('INBOX', { readOnly: true })
        return inbox.exists
      })(),
      () => client.close(),
    )
    await client.logout().catch(() => client.close())
    const count = `${messages} message${messages === 1 ? '' : 's'}`
    return { ok: true, code: 'ok', message: `Logged in and opened INBOX (${count}).`, messages }
  } catch (error) {
    client.close()
    return scrubbed(diagnose('IMAP', server, error, timeoutMs), server.password)
  }
}

function smtpTransport(server: MailServer, timeoutMs: number) {
  return nodemailer.createTransport({
    host: server.address ?? server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: { user: server.username, pass: server.password },
    ...(server.address && !isIp(server.host) ? { tls: { servername: server.host } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
    dnsTimeout: timeoutMs,
    logger: false,
    debug: false,
  })
}

async function checkSmtp(server: MailServer, { timeoutMs }: MailDeadline): Promise<MailCheck> {
  const transport = smtpTransport(server, timeoutMs)
  try {
    await within(timeoutMs * 4, transport.verify(), () => transport.close())
    return { ok: true, code: 'ok', message: 'Logged in to the SMTP server.' }
  } catch (error) {
    return scrubbed(diagnose('SMTP', server, error, timeoutMs), server.password)
  } finally {
    transport.close()
  }
}

async function sendTest(
  server: MailServer,
  message: { from: string; to: string; subject: string; text: string },
  { timeoutMs }: MailDeadline,
): Promise<SendTestEmailResult> {
  const transport = smtpTransport(server, timeoutMs)
  try {
    const info = await within(timeoutMs * 4, transport.sendMail(message), () => transport.close())
    return {
      ok: true,
      code: 'ok',
      message: `Sent to ${message.to} through ${server.host}:${server.port}.`,
      message_id: info.messageId,
    }
  } catch (error) {
    const err = error as MailError
    if (err.code === 'EENVELOPE' || err.code === 'EMESSAGE') {
      return scrubbed(
        fail('refused', `The SMTP server refused the message.${said(err.response)} Check the addresses.`),
        server.password,
      )
    }
    return scrubbed(diagnose('SMTP', server, error, timeoutMs), server.password)
  } finally {
    transport.close()
  }
}

export const nodeEmailTester: EmailTester = { checkImap, checkSmtp, sendTest }
