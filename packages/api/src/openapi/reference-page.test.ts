/** @module The /docs page: Scalar from this origin over /openapi.json, with nothing that would reach elsewhere. */
import { describe, expect, it } from 'vitest'
import { DOCS_BUNDLE } from '../assets.ts'
import { createTestContext } from '../test-utils/index.ts'
import { referencePage, scalarConfiguration } from './reference-page.ts'

describe('referencePage', () => {
  it('loads Scalar from this origin and points it at /openapi.json', async () => {
    const t = await createTestContext()
    const res = await t.app.request('/docs')
    t.close()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain(`<script src="${DOCS_BUNDLE}"></script>`)
    expect(html).toContain('<title>ConnectGain Settings API reference</title>')
    expect(html).toContain('"url":"/openapi.json"')
  })

  it('names no other origin, and turns off what Scalar would fetch from its own servers', () => {
    const html = referencePage('API')
    expect(html).not.toMatch(/https?:\/\//)
    expect(scalarConfiguration).toMatchObject({
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
    })
    expect(scalarConfiguration).not.toHaveProperty('proxyUrl')
  })

  it('escapes the title', () => {
    expect(referencePage('A <b> & co')).toContain('<title>A &lt;b> &amp; co reference</title>')
  })
})
