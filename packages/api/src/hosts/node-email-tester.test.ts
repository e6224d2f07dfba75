/**
 * @module How the Node email tester reads imapflow's and nodemailer's errors (REFERENCE-TABS.md), the cases a local
 * server cannot easily stage: nodemailer's ESOCKET around a refused connection or a certificate error, EDNS, ETLS.
 */
import { describe, expect, it } from 'vitest'
import type { MailServer } from '../mail.ts'
import { diagnose } from './node-email-tester.ts'

const server: MailServer = {
  host: 'mail.example.com',
  port: 465,
  security: 'tls',
  username: 'u@example.com',
  password: 'pw',
}
const error = (props: Record<string, unknown>) => Object.assign(new Error('failed'), props)

describe('diagnose', () => {
  it.each([
    [
      'imapflow, bad login',
      'IMAP',
      { authenticationFailed: true, responseText: 'Invalid credentials' },
      'auth_failed',
    ],
    ['nodemailer, bad login', 'SMTP', { code: 'EAUTH', responseCode: 535 }, 'auth_failed'],
    ['imapflow, DNS', 'IMAP', { code: 'ENOTFOUND' }, 'dns_failed'],
    ['imapflow, DNS busy', 'IMAP', { code: 'EAI_AGAIN' }, 'dns_failed'],
    ['nodemailer, DNS', 'SMTP', { code: 'EDNS', originalCode: 'ENOTFOUND' }, 'dns_failed'],
    ['imapflow, refused', 'IMAP', { code: 'ECONNREFUSED' }, 'refused'],
    ['nodemailer, refused', 'SMTP', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'refused'],
    ['imapflow, connect timeout', 'IMAP', { code: 'CONNECT_TIMEOUT' }, 'timeout'],
    ['imapflow, greeting timeout', 'IMAP', { code: 'GREETING_TIMEOUT' }, 'timeout'],
    ['nodemailer, timeout', 'SMTP', { code: 'ETIMEDOUT', timeoutType: 'CONNECTION_TIMEOUT' }, 'timeout'],
    [
      'nodemailer, self-signed',
      'SMTP',
      { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      'tls_error',
    ],
    [
      'nodemailer, chain',
      'SMTP',
      { code: 'ESOCKET', originalCode: 'SELF_SIGNED_CERT_IN_CHAIN' },
      'tls_error',
    ],
    ['imapflow, wrong name', 'IMAP', { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'tls_error'],
    ['imapflow, TLS on plaintext', 'IMAP', { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'tls_error'],
    [
      'nodemailer, STARTTLS handshake',
      'SMTP',
      { code: 'ETLS', originalCode: 'CERT_HAS_EXPIRED' },
      'tls_error',
    ],
    [
      'nodemailer, STARTTLS refused',
      'SMTP',
      { code: 'ETLS', command: 'STARTTLS', responseCode: 502 },
      'not_supported',
    ],
    ['imapflow, no STARTTLS', 'IMAP', { tlsFailed: true }, 'not_supported'],
    ['nodemailer, not SMTP', 'SMTP', { code: 'EPROTOCOL' }, 'not_supported'],
  ] as const)('%s → %s', (_, side, props, code) => {
    const check = diagnose(side, server, error(props), 10_000)
    expect(check).toMatchObject({ ok: false, code })
    expect(check.message).toMatch(/\S/)
  })

  it('says which certificate problem it was', () => {
    const wrongName = diagnose('IMAP', server, error({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), 10_000)
    expect(wrongName.message).toMatch(/certificate is not for mail\.example\.com/)
    const expired = diagnose(
      'SMTP',
      server,
      error({ code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED' }),
      10_000,
    )
    expect(expired.message).toMatch(/expired/)
  })
})
