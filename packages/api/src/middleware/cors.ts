/**
 * @module CORS for a Bearer-token API: any origin, preflights answered here, response headers added after the
 * handler (setting them before would make Hono rebuild every response around a stream body).
 */
import type { MiddlewareHandler } from 'hono'

export interface CorsOptions {
  allowHeaders: readonly string[]
  allowMethods: readonly string[]
  exposeHeaders: readonly string[]
  /** Seconds a browser may cache a preflight. */
  maxAge: number
}

/**
 * What `hono/cors` with `origin: '*'` answers, without touching `c.res` before `next()`: on @hono/node-server
 * that keeps the handler's response on the fast path (a string body written straight to the socket).
 */
export function cors(opts: CorsOptions): MiddlewareHandler {
  const expose = opts.exposeHeaders.join(',')
  const preflight = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': expose,
    'Access-Control-Max-Age': String(opts.maxAge),
    'Access-Control-Allow-Methods': opts.allowMethods.join(','),
    'Access-Control-Allow-Headers': opts.allowHeaders.join(','),
    Vary: 'Access-Control-Request-Headers',
  }
  return async (c, next) => {
    // c.body keeps the headers earlier middleware prepared (X-Request-Id).
    if (c.req.method === 'OPTIONS') return c.body(null, 204, preflight)
    await next()
    const headers = c.res.headers
    headers.set('Access-Control-Allow-Origin', '*')
    headers.set('Access-Control-Expose-Headers', expose)
  }
}
