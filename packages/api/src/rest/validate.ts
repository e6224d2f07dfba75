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
  /** Columns a reader sees that this body cannot hold (a channel's type on PATCH): named as such, not as unknown. */
  readOnly?: { columns: ReadonlySet<string>; op: 'insert' | 'update' }
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
  { noun = 'column', serverColumns = new Set(), readOnly }: BodyOptions = {},
): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('PGRST102', 'Request body must be a JSON object', {
      hint: 'Send {"column": value, …}',
    })
  }
  const result = z.safeParse(schema, body)
  if (result.success) return result.data
  // A key inside a nested object is named by its path (`credentials.token`).
  const unknownKeys = result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path.map(String), k].join('.')) : [],
  )
  const [first] = unknownKeys
  if (first !== undefined) {
    const owned = serverColumns.has(first)
    const fixed = !owned && readOnly?.columns.has(first)
    const verb = readOnly?.op === 'update' ? 'changed' : 'written'
    throw new ApiError(
      'PGRST204',
      owned
        ? `Column '${first}' of '${target}' is set by the server and cannot be written`
        : fixed
          ? `Column '${first}' of '${target}' cannot be ${verb}`
          : `Could not find the '${first}' ${noun} of '${target}'`,
      {
        details: unknownKeys.map(
          (field): FieldIssue =>
            serverColumns.has(field)
              ? { field, message: 'Set by the server', issue: 'server_set' }
              : readOnly?.columns.has(field)
                ? { field, message: `Cannot be ${verb}`, issue: 'read_only' }
                : { field, message: `Unknown ${noun}`, issue: 'unknown' },
        ),
        hint: owned || fixed ? 'Remove it from the body' : null,
      },
    )
  }
  const issues = fieldIssues(result.error)
  throw new ApiError('22P02', `Invalid ${issues.map((i) => i.field).join(', ')}: ${issues[0]?.message}`, {
    details: issues,
  })
}
