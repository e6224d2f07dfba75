/** @module Reads a request header without building a `Headers` object for the whole request on Node. */
import type { Context } from 'hono'

/** What @hono/node-server passes as `c.env`: Node's request, whose headers Node has already parsed. */
interface NodeBindings {
  incoming?: { headers: Record<string, string | string[] | undefined> }
}

/**
 * The value of request header `name` (lower case). `c.req.header()` on @hono/node-server copies every header
 * of the request into an undici `Headers` first, which costs more than a small handler; Node's own parsed
 * headers answer the same (repeated headers joined with ", "). Other hosts go through `c.req.header()`.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as NodeBindings | undefined)?.incoming
  if (!incoming) return c.req.header(name)
  const value = incoming.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
