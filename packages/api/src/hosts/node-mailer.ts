/**
 * @module The Node host's mailer: SMTP through nodemailer, from SMTP_URL. Short timeouts, so a job that cannot reach
 * the server fails and is retried rather than holding its slot; a refused address is not retried.
 */
import nodemailer from 'nodemailer'
import type { Mailer } from '../mail.ts'

/** Codes of a message the server will never take as it is (a bad address, a refused login). */
const FINAL = new Set(['EENVELOPE', 'EAUTH', 'EMESSAGE'])

export function smtpMailer(url: string): Mailer {
  const parsed = new URL(url)
  const secure = parsed.protocol === 'smtps:'
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  return {
    async send(message) {
      try {
        await transport.sendMail(message)
        return { ok: true }
      } catch (err) {
        const { code = 'ERROR', responseCode } = err as { code?: string; responseCode?: number }
        const final = FINAL.has(code) || (responseCode !== undefined && responseCode >= 500)
        return {
          ok: false,
          reason: `${code}${responseCode ? ` ${responseCode}` : ''}: ${(err as Error).message}`,
          retryable: !final,
        }
      }
    },
  }
}
