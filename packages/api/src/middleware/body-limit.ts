/** @module The 1 MB request body limit, checked without touching the body of a request that has none. */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../errors.ts'
import { MAX_BODY_BYTES } from './body.ts'
import { requestHeader } from './headers.ts'

const tooLarge = () => {
  throw new ApiError('CG413', 'Request body is larger than 1 MB', { hint: 'Split the request' })
}

/** Counts the bytes of a body that declares no length (chunked), as it is read. */
const streamed = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })

/**
 * `hono/body-limit` reads `c.req.raw.body` first, which on @hono/node-server builds a full Request for every
 * request, GET included. GET and HEAD carry no body; a declared Content-Length is checked as a number; only
 * a body without one is counted while it streams.
 */
export const limitBody: MiddlewareHandler = (c, next) => {
  const method = c.req.method
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
  const length = requestHeader(c, 'content-length')
  if (length !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
    return Number(length) > MAX_BODY_BYTES ? tooLarge() : next()
  }
  return streamed(c, next)
}
