/** @module The push feature's configuration: VAPID keys and where a click on a push leads. */
import { z } from 'zod'
import { checkVapidSubject } from './vapid.ts'

export const pushConfig = {
  /** Web Push (VAPID, RFC 8292): the key pair in base64url, and who the push services may contact. */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, {
      message: 'must be a P-256 public key in base64url (npx web-push generate-vapid-keys)',
    })
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, {
      message: 'must be a P-256 private key in base64url (npx web-push generate-vapid-keys)',
    })
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:.+@.+|https:\/\/.+)$/, { message: 'must be a mailto: address or an https: URL' })
    .optional(),
  /**
   * Where clicking a push about a conversation leads, in the host app: a path on the page's origin or an https
   * URL, `{conversation_id}` replaced by the conversation's id.
   */
  PUSH_URL_TEMPLATE: z
    .string()
    .max(500)
    .regex(/^(\/|https:\/\/)/, { message: 'must be a path starting with / or an https: URL' })
    .default('/?conversation={conversation_id}'),
}

const PushConfigSchema = z.object(pushConfig)
export type PushConfig = z.infer<typeof PushConfigSchema>

declare module '../../config.ts' {
  interface Config extends PushConfig {}
}

/** What production needs beyond the schema: the VAPID keys and a subject push services can reach a person at. */
export function checkPushConfig(config: PushConfig & { CG_MODE: string }): string[] {
  if (config.CG_MODE !== 'production') return []
  const errors = (['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const)
    .filter((name) => !config[name])
    .map((name) => `${name}: is required`)
  const subject = config.VAPID_SUBJECT && checkVapidSubject(config.VAPID_SUBJECT, 'production')
  if (subject && !subject.ok) errors.push(`VAPID_SUBJECT: ${subject.reason}`)
  return errors
}
