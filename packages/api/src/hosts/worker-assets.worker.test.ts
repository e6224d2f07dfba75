/** @module The Worker serves what the Node host serves: the element bundle, and the demo page in demo mode. */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

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
})
