/**
 * @module The Worker serves what the Node host serves: the element bundle and the API reference's script, and in
 * demo mode the demo page and the push service worker it registers.
 */
import { createExecutionContext, env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../app.ts'
import { DOCS_BUNDLE } from '../assets.ts'
import { buildWorkerHost } from './worker-host.ts'

describe('Worker static assets', () => {
  it('serves the element bundle and the demo page (demo mode), and the API beside them', async () => {
    const bundle = await SELF.fetch('http://cg.test/elements/cg-settings.js')
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toContain('javascript')
    // Module scripts load in CORS mode: a host page on another origin needs this header.
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
    expect((await SELF.fetch('http://cg.test/elements/cg-settings.js', { method: 'HEAD' })).status).toBe(200)
    expect(await (await SELF.fetch('http://cg.test/')).text()).toContain('<cg-settings')
    expect(await (await SELF.fetch('http://cg.test/health')).json()).toEqual({ ok: true })
    const missing = await SELF.fetch('http://cg.test/elements/nope.js')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 'CG404' })
  })

  it('serves the API reference and Scalar’s script from .site/, in production too', async () => {
    const docs = await SELF.fetch('http://cg.test/docs')
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await docs.text()).toContain(`<script src="${DOCS_BUNDLE}"></script>`)
    const parsed = parseConfig({ ...(env as unknown as Record<string, string>), CG_MODE: 'production' })
    if (!parsed.ok) throw new Error(parsed.errors.join('; '))
    const production = buildWorkerHost(env, parsed.config)
    for (const fetch of [
      (url: string) => SELF.fetch(url),
      (url: string) => production.app.fetch(new Request(url), env, createExecutionContext() as never),
    ]) {
      const script = await fetch(`http://cg.test${DOCS_BUNDLE}`)
      expect(script.status).toBe(200)
      expect(script.headers.get('content-type')).toContain('javascript')
      expect(await script.text()).toContain('createApiReference')
    }
  })

  it('serves the push service worker at the root in demo mode, where the demo page registers it', async () => {
    const res = await SELF.fetch('http://cg.test/cg-sw.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const script = await res.text()
    expect(script).toContain('addEventListener("push"')
    // The same file as the bundle's.
    expect(await (await SELF.fetch('http://cg.test/elements/cg-sw.js')).text()).toBe(script)
  })

  it('does not serve it at the root in production', async () => {
    const parsed = parseConfig({ ...(env as unknown as Record<string, string>), CG_MODE: 'production' })
    if (!parsed.ok) throw new Error(parsed.errors.join('; '))
    const host = buildWorkerHost(env, parsed.config)
    const get = (path: string) =>
      host.app.fetch(new Request(`http://cg.test${path}`), env, createExecutionContext() as never)
    const root = await get('/cg-sw.js')
    expect(root.status).toBe(404)
    expect(await root.json()).toMatchObject({ code: 'CG404' })
    const bundled = await get('/elements/cg-sw.js')
    expect(bundled.status).toBe(200)
    await bundled.arrayBuffer()
  })
})
