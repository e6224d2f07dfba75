/** @module Validates a JSON body against a contract schema; zod issues become envelope errors naming the field. */
import type { FieldIssue } from '@connectgain/contracts'
import type { z } from 'zod'
import { ApiError } from '../errors.ts'

/** Columns the server owns: never accepted from a body. */
export const SERVER_COLUMNS: ReadonlySet<string> = new Set(['id', 'org_id', 'created_at', 'updated_at'])

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }))
}

/**
 * Parses `body` with `schema`. Unknown or server-owned keys → PGRST204 naming the column;
 * field rule failures → 22P02 with every failing field in `details`.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, target: string, noun = 'column'): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('PGRST102', 'Request body must be a JSON object', {
      hint: 'Send {"column": value, …}',
    })
  }
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const unknownKeys = result.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []))
  const [first] = unknownKeys
  if (first !== undefined) {
    const owned = SERVER_COLUMNS.has(first)
    throw new ApiError(
      'PGRST204',
      owned
        ? `Column '${first}' of '${target}' is set by the server and cannot be written`
        : `Could not find the '${first}' ${noun} of '${target}'`,
      {
        details: unknownKeys.map((field) => ({
          field,
          message: owned ? 'Set by the server' : `Unknown ${noun}`,
        })),
        hint: owned ? 'Remove it from the body' : null,
      },
    )
  }
  const issues = fieldIssues(result.error)
  throw new ApiError('22P02', `Invalid ${issues.map((i) => i.field).join(', ')}: ${issues[0]?.message}`, {
    details: issues,
  })
}
