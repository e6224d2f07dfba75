/** @module Reads a request body as strict UTF-8 JSON; every failure is a 400 that says what is wrong. */
import type { Context } from 'hono'
import { ApiError } from '../errors.ts'

export const MAX_BODY_BYTES = 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type')
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError('PGRST102', `Content-Type ${type} is not supported`, { hint: 'Send application/json' })
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.byteLength === 0)
    throw new ApiError('PGRST102', 'Empty request body', { hint: 'Send a JSON body' })
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new ApiError('PGRST102', 'Request body is not valid UTF-8')
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new ApiError('PGRST102', 'Request body is not valid JSON', { details: (err as Error).message })
  }
}
