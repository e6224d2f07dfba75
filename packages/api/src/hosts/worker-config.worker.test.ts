/** @module A misconfigured Worker says which variable is wrong, in the envelope, on every request. */
import { createExecutionContext, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from './worker.ts'

/** The Worker's fetch, typed as the runtime's (the module casts between Hono's and workerd's Response). */
const fetchWith = async (e: typeof env) =>
  (await worker.fetch(
    new Request('http://cg.test/health') as never,
    e,
    createExecutionContext() as never,
  )) as unknown as Response

describe('Worker configuration', () => {
  it('answers 500 naming a missing or malformed variable, and recovers when it is fixed', async () => {
    const broken = { ...env, SESSION_SECRET: undefined, ENCRYPTION_KEY: 'short' }
    const res = await fetchWith(broken as typeof env)
    expect(res.status).toBe(500)
    const body = (await res.json()) as { code: string; details: string[]; hint: string }
    expect(body.code).toBe('CG500')
    expect(body.details).toEqual([
      'SESSION_SECRET: is required',
      expect.stringMatching(/^ENCRYPTION_KEY: must be 32 random bytes/),
    ])
    expect(body.hint).toContain('wrangler secret put')
    const fixed = await fetchWith(env)
    expect(await fixed.json()).toEqual({ ok: true })
  })
})
