/** @module API key contracts: the read-only `api_keys` list and the generate and revoke functions (spec Use Case 2). */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'

export const apiKeyScopes = ['full', 'read_only'] as const
export type ApiKeyScope = (typeof apiKeyScopes)[number]

/** `full`: the admin role's permissions; `read_only`: reads only (no REST write, no function that changes data). */
export const ApiKeyScope = meta(z.enum(apiKeyScopes), {
  description:
    '`full`: everything an admin may do; `read_only`: reads only (no REST write, no function that changes data).',
})

export const apiKeyStatuses = ['active', 'expiring', 'expired', 'revoked'] as const
export type ApiKeyStatus = (typeof apiKeyStatuses)[number]

/** A key expiring within this many days shows as `expiring`. */
export const EXPIRING_WITHIN_DAYS = 7

/** Requests a minute a key may make unless it was given its own limit. */
export const DEFAULT_KEY_RATE_LIMIT = 600

/** A key's own limit, in requests a minute. */
export const KeyRateLimit = meta(
  z
    .number()
    .check(
      z.int('Must be a whole number of requests'),
      z.minimum(1, 'Must be at least 1 request a minute'),
      z.maximum(1_000_000, 'Must be at most 1000000 requests a minute'),
    ),
  {
    description: `Requests a minute this key may make (${DEFAULT_KEY_RATE_LIMIT} by default); over it, 429.`,
  },
)

/** How many days of daily request counts are kept per key. */
export const USAGE_DAYS = 30

/** What the `api_keys` list shows of a key: never the key, nor its hash. */
export const ApiKey = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.nullable(z.string()),
    prefix: meta(z.string(), { description: 'The first characters of the key (`ak_` + 4).' }),
    last4: meta(z.string(), { description: 'The last four characters of the key.' }),
    scope: ApiKeyScope,
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    expires_at: z.nullable(z.string()),
    revoked_at: z.nullable(z.string()),
    last_used_at: z.nullable(z.string()),
    usage_count: meta(z.number(), {
      description:
        'Requests made with the key; written at most once a minute per key, so it may trail by a minute.',
    }),
    rate_limit: KeyRateLimit,
    status: meta(z.enum(apiKeyStatuses), {
      description: `Derived at read time: \`expiring\` within ${EXPIRING_WITHIN_DAYS} days of \`expires_at\`.`,
    }),
  }),
  { id: 'ApiKey' },
)
export type ApiKey = z.infer<typeof ApiKey>

/** An ISO 8601 instant with a time zone (`2027-01-01T00:00:00Z`); that it is in the future is checked by the server's clock. */
const Instant = z
  .string()
  .check(
    z.refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      rule('iso_instant', 'Must be an ISO 8601 date and time with a time zone, e.g. 2027-01-01T00:00:00Z'),
    ),
  )

/** `POST /functions/v1/generate-api-key`. */
export const GenerateApiKeyRequest = meta(
  z.strictObject({
    name: ui(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'Name is required'),
          z.maxLength(100, 'Name must be at most 100 characters'),
        ),
      { id: 'keys.name', label: 'Name', help: 'Say where it is used, e.g. "Production CRM sync".' },
    ),
    description: ui(
      z.optional(
        z.nullable(
          z.string().check(z.trim(), z.maxLength(500, 'Description must be at most 500 characters')),
        ),
      ),
      { id: 'keys.description', label: 'Description', format: 'multiline' },
    ),
    expires_at: meta(z.optional(z.nullable(Instant)), {
      description: 'ISO 8601 time the key stops working, in the future; never when absent.',
    }),
    scope: z._default(ApiKeyScope, 'full'),
    rate_limit: z._default(KeyRateLimit, DEFAULT_KEY_RATE_LIMIT),
  }),
  { id: 'GenerateApiKeyRequest', examples: [{ name: 'CRM sync', expires_at: '2027-01-01T00:00:00Z' }] },
)
export type GenerateApiKeyRequest = z.infer<typeof GenerateApiKeyRequest>

/** The new key: `api_key` is shown in this response only, never again. */
export const GenerateApiKeyResponse = meta(
  z.object({
    api_key: meta(z.string(), { description: 'The key itself: shown once, store it in your secrets now.' }),
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    last4: z.string(),
    scope: ApiKeyScope,
    rate_limit: KeyRateLimit,
    created_at: z.string(),
    expires_at: z.nullable(z.string()),
  }),
  { id: 'GenerateApiKeyResponse' },
)
export type GenerateApiKeyResponse = z.infer<typeof GenerateApiKeyResponse>

/** `POST /functions/v1/revoke-api-key`. */
export const RevokeApiKeyRequest = meta(z.strictObject({ id: z.string().check(z.minLength(1)) }), {
  id: 'RevokeApiKeyRequest',
  examples: [{ id: 'key_01J0000000000000000000000' }],
})
export type RevokeApiKeyRequest = z.infer<typeof RevokeApiKeyRequest>

/** The revoked key, as the list shows it. */
export const RevokeApiKeyResponse = meta(
  z.object({ id: z.string(), name: z.string(), revoked_at: z.string() }),
  { id: 'RevokeApiKeyResponse' },
)
export type RevokeApiKeyResponse = z.infer<typeof RevokeApiKeyResponse>

/** The overlap a roll gives by default: the old key keeps working this long (Stripe's default is a day too). */
export const ROLL_OVERLAP_HOURS = 24

/** `POST /functions/v1/roll-api-key`. */
export const RollApiKeyRequest = meta(
  z.strictObject({
    id: z.string().check(z.minLength(1)),
    expires_in_hours: z.optional(
      meta(
        z
          .number()
          .check(
            z.int('Must be a whole number of hours'),
            z.minimum(0, 'Must be 0 (stop at once) or more'),
            z.maximum(720, 'Must be at most 720 hours (30 days)'),
          ),
        {
          description: `How long the old key keeps working; ${ROLL_OVERLAP_HOURS} by default, 0 stops it at once.`,
        },
      ),
    ),
  }),
  { id: 'RollApiKeyRequest', examples: [{ id: 'key_01J0000000000000000000000', expires_in_hours: 24 }] },
)
export type RollApiKeyRequest = z.infer<typeof RollApiKeyRequest>

/** The new key (shown once, like a generated one) and when the old one stops working. */
export const RollApiKeyResponse = meta(
  z.object({
    ...GenerateApiKeyResponse.shape,
    previous: z.object({ id: z.string(), expires_at: z.string() }),
  }),
  { id: 'RollApiKeyResponse' },
)
export type RollApiKeyResponse = z.infer<typeof RollApiKeyResponse>

/** One key's requests on one UTC day (`api_key_usage`), kept for the last USAGE_DAYS days: the tab's sparkline. */
export const ApiKeyUsage = meta(
  z.object({
    id: z.string(),
    key_id: z.string(),
    day: meta(z.string(), { description: 'The UTC day, `YYYY-MM-DD`.' }),
    requests: z.number(),
  }),
  { id: 'ApiKeyUsage' },
)
export type ApiKeyUsage = z.infer<typeof ApiKeyUsage>
