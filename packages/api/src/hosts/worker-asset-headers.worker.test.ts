/**
 * @module The element's files on the Worker: cached as on Node (`.site/_headers`, written by
 * scripts/build-site.js), revalidated by ETag. Compression is Cloudflare's edge's: workerd's asset binding
 * sends them as they are, so it is not asserted here.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { IMMUTABLE, REVALIDATE } from './compressed-assets.ts'

const get = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`http://cg.test${path}`, { headers: { 'accept-encoding': 'br, gzip', ...headers } })

describe('Worker: the element bundle’s cache headers', () => {
  it('caches hashed chunks for a year, the entry briefly with an ETag, and answers 304 when unchanged', async () => {
    const entry = await get('/elements/cg-settings.js')
    expect(entry.status).toBe(200)
    expect(entry.headers.get('cache-control')).toBe(REVALIDATE)
    const etag = entry.headers.get('etag')
    expect(etag).toBeTruthy()
    const chunk = (await entry.text()).match(/chunks\/[\w-]+\.js/)?.[0]
    expect(chunk).toBeTruthy()
    const chunkRes = await get(`/elements/${chunk}`)
    expect(chunkRes.status).toBe(200)
    expect(chunkRes.headers.get('cache-control')).toBe(IMMUTABLE)
    // The map is named by a header, not by a comment in every chunk.
    expect(await chunkRes.text()).not.toContain('sourceMappingURL')
    expect(chunkRes.headers.get('sourcemap')).toBe(`/elements/${chunk}.map`)
    expect(entry.headers.get('sourcemap')).toBe('/elements/cg-settings.js.map')
    const map = await get(`/elements/${chunk}.map`)
    expect(((await map.json()) as { version: number }).version).toBe(3)

    const again = await get('/elements/cg-settings.js', { 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    await again.arrayBuffer()
  })

  it('does not serve the _headers file itself', async () => {
    const res = await get('/_headers')
    expect(res.status).toBe(404)
    await res.arrayBuffer()
  })
})
