/** @module The one error handler: ApiError → its envelope; database constraint errors → 409/400; anything else → 500. */

import { SERVER_SET } from '@connectgain/db'
import type { Context } from 'hono'
import { ApiError } from '../errors.ts'
import type { AppEnv } from '../types.ts'

/** The innermost error message (drivers wrap: DrizzleQueryError → LibsqlError / D1 error). */
function rootMessage(err: unknown): string {
  let e: unknown = err
  while (e instanceof Error && e.cause instanceof Error) e = e.cause
  return e instanceof Error ? e.message : String(e)
}

/**
 * SQLite constraint failures, which bad input can cause (a duplicate name), as PostgREST codes. With the
 * resource that was written, the field named is the unique key's column a user can change (not one the
 * server sets), and the message names the resource's kind of row.
 */
export function fromConstraint(
  err: unknown,
  resource?: { serverColumns: ReadonlySet<string>; singular: string },
): ApiError | null {
  const message = rootMessage(err)
  const unique = /UNIQUE constraint failed: ([\w., ]+)/.exec(message)
  if (unique) {
    const serverSet: ReadonlySet<string> = resource?.serverColumns ?? new Set(SERVER_SET)
    const columns = (unique[1] ?? '').split(',').map((c) => c.trim().split('.')[1] ?? '')
    const column = columns.filter((c) => !serverSet.has(c)).at(-1) ?? columns.at(-1) ?? ''
    const kind = resource?.singular ?? 'row'
    return new ApiError('23505', `${column} is already in use`, {
      details: [{ field: column, message: `Already in use by another ${kind}`, issue: 'unique' }],
      hint: `Choose another ${column}`,
    })
  }
  if (/FOREIGN KEY constraint failed/.test(message)) {
    return new ApiError('23503', 'A referenced row does not exist', { hint: 'Check the ids in the body' })
  }
  const notNull = /NOT NULL constraint failed: [\w]+\.(\w+)/.exec(message)
  if (notNull) {
    return new ApiError('23502', `${notNull[1]} is required`, {
      details: [{ field: notNull[1], message: 'Required', issue: 'required' }],
    })
  }
  return null
}

export function onError(err: Error, c: Context<AppEnv>): Response {
  const known = err instanceof ApiError ? err : fromConstraint(err)
  if (known) {
    return c.json(known.toJSON(), known.status as 400, known.headers)
  }
  const requestId = c.get('requestId')
  // Log the driver's message, never the wrapper's (it can hold query parameters, i.e. user data).
  console.error(`[${requestId}] unhandled ${err.name}: ${rootMessage(err)}`)
  const bug = new ApiError('CG500', 'Internal error', { details: `request id ${requestId}` })
  return c.json(bug.toJSON(), 500)
}
