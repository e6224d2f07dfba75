/**
 * @module The Node host's static routes, mounted as createApp mounts them: the push service worker at the root in
 * demo mode only. Needs the element built (`npm run build`), as the host does.
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { staticAssets } from './node-static.ts'

const built = readFileSync(new URL('../../../elements/dist/cg-sw.js', import.meta.url), 'utf8')

function appFor(mode: 'demo' | 'production') {
  const app = new Hono()
  for (const { path, handler } of staticAssets(mode)) app.use(path, handler)
  app.notFound((c) => c.json({ code: 'CG404' }, 404))
  return app
}

describe('Node static assets: the push service worker', () => {
  it('serves /cg-sw.js at the root in demo mode, where the demo page registers it, never cached stale', async () => {
    const res = await appFor('demo').request('/cg-sw.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe(built)
    const head = await appFor('demo').request('/cg-sw.js', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(built)))
    expect(await head.text()).toBe('')
  })

  it('does not serve it at the root in production, where no page of the API’s origin registers it', async () => {
    const app = appFor('production')
    const res = await app.request('/cg-sw.js')
    expect(res.status).toBe(404)
    // It is still part of the element bundle.
    expect((await app.request('/elements/cg-sw.js')).status).toBe(200)
  })

  it('answers only GET and HEAD', async () => {
    expect((await appFor('demo').request('/cg-sw.js', { method: 'POST' })).status).toBe(404)
  })
})
