/** @module The Node DNS port answers real lookups: localhost resolves to loopback, an unknown name fails. */
import { describe, expect, it } from 'vitest'
import { checkResolved, isPublicAddress } from '../net/url-guard.ts'
import { nodeResolve } from './node-resolver.ts'

describe('nodeResolve', () => {
  it('resolves localhost to loopback addresses only', async () => {
    const addresses = await nodeResolve('localhost')
    expect(addresses.some((address) => address === '127.0.0.1' || address === '::1')).toBe(true)
    expect(addresses.filter(isPublicAddress)).toEqual([])
  })

  it('rejects a name that cannot exist', async () => {
    // .invalid is reserved (RFC 2606); no resolver may answer it.
    await expect(nodeResolve('does-not-exist.invalid')).rejects.toThrow()
  })

  it('lets checkResolved send to localhost in demo mode', async () => {
    const result = await checkResolved(new URL('http://localhost:8787/hook'), 'demo', nodeResolve)
    expect(result.ok && result.addresses.length).toBeGreaterThan(0)
  })

  it('makes checkResolved fail clearly for a name that cannot exist', async () => {
    const result = await checkResolved(
      new URL('https://does-not-exist.invalid/hook'),
      'production',
      nodeResolve,
    )
    expect(result).toMatchObject({ ok: false, issue: 'url_unresolvable' })
    expect(!result.ok && result.reason).toContain('does-not-exist.invalid')
  })
})
