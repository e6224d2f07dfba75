/** @module The mail port: the host wires a sender (SMTP through nodemailer on Node); jobs send mail through it. */

export interface MailMessage {
  to: string
  from: string
  subject: string
  text: string
  html: string
}

/** How a send went, as a value: a refused address is not retried, a server that did not answer is. */
export type MailResult = { ok: true } | { ok: false; reason: string; retryable: boolean }

export interface Mailer {
  send(message: MailMessage): Promise<MailResult>
}
