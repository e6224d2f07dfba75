/** @module Validates a JSON body against a contract schema; zod issues become envelope errors naming the field. */
import { type FieldIssue, toFieldIssues } from '@connectgain/contracts'
import { z } from 'zod'
import { ApiError } from '../errors.ts'

// The contracts use zod/mini, which ships no messages (the element translates by issue code): API callers read English.
z.config(z.locales.en())

export interface BodyOptions {
  /** What a key of the body is called in messages: `column` (REST) or `field` (functions). */
  noun?: string
  /** Keys the server sets: named as such when a body sends one. */
  serverColumns?: ReadonlySet<string>
}

export const fieldIssues = (error: z.core.$ZodError): FieldIssue[] => toFieldIssues(error)

/**
 * Parses `body` with `schema`. Unknown or server-set keys → PGRST204 naming the column;
 * field rule failures → 22P02 with every failing field in `details`.
 */
export function parseBody<T>(
  schema: z.core.$ZodType<T>,
  body: unknown,
  target: string,
  { noun = 'column', serverColumns = new Set() }: BodyOptions = {},
): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('PGRST102', 'Request body must be a JSON object', {
      hint: 'Send {"column": value, …}',
    })
  }
  const result = z.safeParse(schema, body)
  if (result.success) return result.data
  const unknownKeys = result.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []))
  const [first] = unknownKeys
  if (first !== undefined) {
    const owned = serverColumns.has(first)
    throw new ApiError(
      'PGRST204',
      owned
        ? `Column '${first}' of '${target}' is set by the server and cannot be written`
        : `Could not find the '${first}' ${noun} of '${target}'`,
      {
        details: unknownKeys.map(
          (field): FieldIssue =>
            serverColumns.has(field)
              ? { field, message: 'Set by the server', issue: 'server_set' }
              : { field, message: `Unknown ${noun}`, issue: 'unknown' },
        ),
        hint: owned ? 'Remove it from the body' : null,
      },
    )
  }
  const issues = fieldIssues(result.error)
  throw new ApiError('22P02', `Invalid ${issues.map((i) => i.field).join(', ')}: ${issues[0]?.message}`, {
    details: issues,
  })
}
