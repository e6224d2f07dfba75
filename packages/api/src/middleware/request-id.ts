/** @module X-Request-Id: the caller's own id when it is sane, else a new UUID; in the response and the logs. */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../types.ts'
import { requestHeader } from './headers.ts'

const SANE_ID = /^[\w\-=]{1,255}$/

/** `hono/request-id` with the same rules, reading the header without materializing all of them. */
export const requestId: MiddlewareHandler<AppEnv> = (c, next) => {
  const given = requestHeader(c, 'x-request-id')
  const id = given !== undefined && SANE_ID.test(given) ? given : crypto.randomUUID()
  c.set('requestId', id)
  c.header('X-Request-Id', id)
  return next()
}
