/** @module The team feature's configuration: where invitation links lead, and the SMTP server invitations go through. */
import { z } from 'zod'
import type { Config } from '../../config.ts'

export const teamConfig = {
  /**
   * The invitation link, `{token}` replaced by the invitation's token: your app's accept page. A path is taken on
   * the API's own origin; the default is the demo page, which shows an accept form.
   */
  INVITE_URL_TEMPLATE: z
    .string()
    .max(500)
    .regex(/^(\/|https?:\/\/).*\{token\}/, { message: 'must be a path or an http(s) URL containing {token}' })
    .default('/?invite={token}'),
  /** Where invitation emails are sent: `smtp://user:pass@host:port`, or `smtps://` for TLS from the start. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, { message: 'must be smtp://user:pass@host:port or smtps://…' })
    .optional(),
  /** The From of invitation emails, e.g. `Acme Support <support@acme.com>`. */
  MAIL_FROM: z.string().min(3).max(200).optional(),
}

const TeamConfigSchema = z.object(teamConfig)
export type TeamConfig = z.infer<typeof TeamConfigSchema>

declare module '../../config.ts' {
  interface Config extends TeamConfig {}
}

/** Mail needs a sender: MAIL_FROM is required wherever SMTP_URL is set. */
export const checkTeamConfig = (config: Config): string[] =>
  config.SMTP_URL && !config.MAIL_FROM ? ['MAIL_FROM: is required when SMTP_URL is set'] : []
