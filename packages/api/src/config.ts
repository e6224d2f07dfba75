/** @module Configuration from environment variables, validated once at start (runtime-neutral). */
import { z } from 'zod'
import { isAcceptedKeyFormat } from './auth/api-keys.ts'
import { checkVapidSubject } from './push/vapid.ts'

const base64Key32 = z
  .string()
  .refine((s) => /^[A-Za-z0-9+/]{43}=?$/.test(s) && atob(s.padEnd(44, '=')).length === 32, {
    message: 'must be 32 random bytes in base64 (generate one with: openssl rand -base64 32)',
  })

export const ConfigSchema = z.object({
  CG_MODE: z.enum(['demo', 'production']).default('demo'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:\/\/|https?:\/\/|:memory:$)/, {
      message: 'must start with file:, libsql://, http(s):// or be :memory:',
    })
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters (openssl rand -hex 32)' }),
  ENCRYPTION_KEY: base64Key32,
  /** Demo mode only: an API key for the demo org, generated with the other demo secrets. */
  DEMO_API_KEY: z
    .string()
    .refine(isAcceptedKeyFormat, {
      message: 'must be an API key: ak_ followed by 38 letters and digits (generate one with npm start)',
    })
    .optional(),
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
  /**
   * Node host: how long a claimed job is invisible to other pollers. A job whose process died comes back after
   * it; it must outlast the longest job (a webhook delivery's 15 s timeout).
   */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(20).max(3600).default(60),
  /**
   * Seconds between webhook delivery attempts after the first, comma-separated; Svix's schedule by default
   * (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Each is jittered by up to 10%.
   */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, {
      message: 'must be whole seconds separated by commas, e.g. 5,300,1800',
    })
    .transform((s) => s.split(',').map((n) => Number(n.trim())))
    .refine((delays) => delays.length <= 20 && delays.every((d) => d <= 7 * 86_400), {
      message: 'must list at most 20 delays of at most 7 days each',
    })
    .optional(),
})
export type Config = z.infer<typeof ConfigSchema>

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] }

/** What production needs beyond the schema: the VAPID keys and a subject push services can reach a person at. */
function productionMissing(config: Config): string[] {
  if (config.CG_MODE !== 'production') return []
  const errors = (['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const)
    .filter((name) => !config[name])
    .map((name) => `${name}: is required`)
  const subject = config.VAPID_SUBJECT && checkVapidSubject(config.VAPID_SUBJECT, 'production')
  if (subject && !subject.ok) errors.push(`VAPID_SUBJECT: ${subject.reason}`)
  return errors
}

/** Parses variables; every problem names its variable, e.g. `SESSION_SECRET: must be at least 32 characters`. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = ConfigSchema.safeParse(defined)
  if (result.success) {
    const missing = productionMissing(result.data)
    return missing.length ? { ok: false, errors: missing } : { ok: true, config: result.data }
  }
  return {
    ok: false,
    errors: result.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'config')
      return i.code === 'invalid_type' && defined[name] === undefined
        ? `${name}: is required`
        : `${name}: ${i.message}`
    }),
  }
}
