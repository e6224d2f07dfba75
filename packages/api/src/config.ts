/** @module Configuration from environment variables, validated once at start (runtime-neutral): the core's, and each feature's slice. */
import { z } from 'zod'

const base64Key32 = z
  .string()
  .refine((s) => /^[A-Za-z0-9+/]{43}=?$/.test(s) && atob(s.padEnd(44, '=')).length === 32, {
    message: 'must be 32 random bytes in base64 (generate one with: openssl rand -base64 32)',
  })

/** The core's variables; each feature adds its own (its `config` slice). */
export const coreConfig = {
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
  /**
   * Node host: how long a claimed job is invisible to other pollers. A job whose process died comes back after
   * it; it must outlast the longest job (a webhook delivery's 15 s timeout).
   */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(20).max(3600).default(60),
}

const CoreConfig = z.object(coreConfig)

/**
 * The whole configuration. A feature adds its variables to this interface where it declares them
 * (`declare module '../../config.ts' { interface Config extends … }`), so the core never imports a feature.
 */
export interface Config extends z.infer<typeof CoreConfig> {}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] }

/** What the composed app validates: every variable's schema, and the checks that need them all. */
export interface ConfigRules {
  schema: z.ZodObject
  checks: readonly ((config: Config) => string[])[]
}

/** The core's variables with every slice added. */
export const configSchema = (slices: readonly z.ZodRawShape[]): z.ZodObject =>
  z.object(Object.assign({}, coreConfig, ...slices))

/** Parses variables; every problem names its variable, e.g. `SESSION_SECRET: must be at least 32 characters`. */
export function parseConfigWith(
  { schema, checks }: ConfigRules,
  env: Record<string, string | undefined>,
): ConfigResult {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = schema.safeParse(defined)
  if (result.success) {
    const config = result.data as unknown as Config
    const missing = checks.flatMap((check) => check(config))
    return missing.length ? { ok: false, errors: missing } : { ok: true, config }
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
