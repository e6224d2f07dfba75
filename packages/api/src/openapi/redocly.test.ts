/** @module The OpenAPI document passes Redocly's recommended rules with no errors, as built and as served. */
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionsFor, registry } from '../app.ts'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import { buildOpenApi } from './openapi.ts'

/** Redocly's problems of severity "error" (or of the rule `ruleId`) in `doc` under the recommended ruleset, as lines. */
async function errors(doc: unknown, ruleId?: string): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] })
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config })
  return problems
    .filter((p) => (ruleId ? p.ruleId === ruleId : p.severity === 'error'))
    .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)
}

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('OpenAPI under Redocly recommended', () => {
  it.each(['demo', 'production'] as const)('the %s document with a server has no errors', async (mode) => {
    const doc = buildOpenApi({
      registry,
      functions: functionsFor(mode),
      serverUrl: 'https://api.connectgain.io',
    })
    expect(await errors(doc)).toEqual([])
  })

  it('GET /openapi.json names the server it was fetched from, and has no errors', async () => {
    const res = await t.app.request('http://settings.test:8787/openapi.json')
    const doc = (await res.json()) as { servers?: { url: string }[] }
    expect(doc.servers).toEqual([{ url: 'http://settings.test:8787' }])
    expect(await errors(doc)).toEqual([])
  })

  it('every response example matches its schema (what the reference shows is what the API answers)', async () => {
    const doc = buildOpenApi({
      registry,
      functions: functionsFor('demo'),
      serverUrl: 'https://api.connectgain.io',
    })
    expect(await errors(doc, 'no-invalid-media-type-examples')).toEqual([])
    // The rule does look at them: a wrong one is caught.
    const media = doc.paths['/rest/v1/organizations']?.get?.responses['200']?.content?.['application/json']
    if (media) media.example = [{ id: 42 }]
    expect(await errors(doc, 'no-invalid-media-type-examples')).toContainEqual(
      expect.stringMatching(/^no-invalid-media-type-examples: .*\/paths\/~1rest~1v1~1organizations\/get/),
    )
  })

  it('without a server the rules would fail: the check is real', async () => {
    const doc = buildOpenApi({ registry, functions: functionsFor('demo') })
    expect(await errors(doc)).toContainEqual(expect.stringMatching(/^no-empty-servers/))
  })
})
