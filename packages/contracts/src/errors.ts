/** @module The error envelope every API error uses, and the code → HTTP status table. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'

/** PostgREST's error shape: `{ code, message, details, hint }`. */
export const ErrorEnvelope = meta(
  z.object({
    code: z.string(),
    message: z.string(),
    details: z.nullable(z.unknown()),
    hint: z.nullable(z.string()),
  }),
  { id: 'Error', description: 'Every error answers with this envelope.' },
)
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>

/**
 * A validation problem on one field, as listed in `details` of a 400 (code 22P02 / 23502) or 409 (23505).
 * `issue` and `params` are stable: a client translates by them (zod's issue code and its limits, or a
 * rule id from `rule()`), never by matching the English `message`.
 */
export const FieldIssue = z.object({
  field: z.string(),
  message: z.string(),
  issue: z.optional(
    meta(z.string(), {
      description:
        'Stable kind: a zod issue code (`too_small`, `too_big`, `invalid_value`, `invalid_type`, `invalid_format`, `custom`), or `required`, `unique`, `unknown`, `server_set`.',
    }),
  ),
  params: z.optional(
    meta(z.record(z.string(), z.unknown()), {
      description: 'The limits of the rule (`minimum`, `maximum`, `values`) or a rule `id`.',
    }),
  ),
})
export type FieldIssue = z.infer<typeof FieldIssue>

/** Codes we send and the status each one answers with (PostgREST's where one exists). */
export const errorStatus = {
  '21000': 400, // PATCH or DELETE without a filter (it would touch every row)
  '22P02': 400, // invalid input (a field failed validation)
  '23502': 400, // a required field is missing
  '23505': 409, // unique violation
  '23503': 409, // foreign key violation
  '42P10': 400, // on_conflict names no unique constraint
  '42501': 403, // insufficient privilege
  '42703': 400, // unknown column
  PGRST100: 400, // bad query string
  PGRST102: 400, // bad request body (invalid JSON, not UTF-8, wrong shape)
  PGRST103: 416, // unsatisfiable range
  PGRST116: 406, // single object requested, not exactly one row
  PGRST204: 400, // unknown column in body
  PGRST205: 404, // unknown resource
  PGRST301: 401, // missing, malformed or expired credentials
  CG404: 404, // unknown function or route
  CG405: 405, // method not allowed on this route
  CG409: 409, // the row's state forbids the action (rolling a revoked or expired key); an Idempotency-Key still running
  CG413: 413, // body too large
  CG422: 422, // an Idempotency-Key sent again with another request (its query, Prefer or body)
  CG429: 429, // over the API key's rate limit (Retry-After says when to try again)
  CG410: 410, // a link used, revoked or expired
  CG500: 500, // a bug: never from bad input
  CG501: 501, // this host cannot do it (a mail server test on the Worker: the Node host can)
  CG503: 503, // a service this needs is not configured (SMTP_URL)
} as const
export type ErrorCode = keyof typeof errorStatus
