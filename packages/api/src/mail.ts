/**
 * @module The mail ports the host wires: a sender (SMTP through nodemailer on Node) that jobs send mail through, and
 * an email tester that logs in to a box's IMAP and SMTP servers (Node only).
 */
import type { ImapCheck, MailCheck, MailSecurity, SendTestEmailResult } from '@connectgain/contracts'

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

/** One mail server to log in to, as the email tester takes it (the password in plain text, for this call only). */
export interface MailServer {
  host: string
  port: number
  security: MailSecurity
  username: string
  password: string
  /**
   * The address the outbound guard checked, when the host resolved one: connect there, so a second lookup cannot
   * answer a private address (TLS still verifies the certificate against `host`).
   */
  address?: string
}

/** The deadlines of one test: to connect, and then to the server's greeting (each operation after it gets twice that). */
export interface MailDeadline {
  timeoutMs: number
}

/** A test message sent through a box's SMTP server. */
export interface MailTestMessage {
  from: string
  to: string
  subject: string
  text: string
}

/**
 * The email tester port: logs in to IMAP and SMTP servers and sends a test message. Needs raw TCP and TLS sockets,
 * so only the Node host wires one (`hosts/node-email-tester.ts`); without it the email box functions answer 501.
 * Every failure is an answer with its code, never an exception, and no message holds the password.
 */
export interface EmailTester {
  /** Connect, log in, open INBOX (its message count), log out. */
  checkImap(server: MailServer, deadline: MailDeadline): Promise<ImapCheck>
  /** Connect and log in (nodemailer's `verify()`). */
  checkSmtp(server: MailServer, deadline: MailDeadline): Promise<MailCheck>
  sendTest(server: MailServer, message: MailTestMessage, deadline: MailDeadline): Promise<SendTestEmailResult>
}
