/** @module In production an endpoint URL must be public https (the URL guard at save time); demo mode allows a local receiver. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'

describe('webhook_configurations URLs', () => {
  let production: TestContext
  let demo: TestContext
  beforeAll(async () => {
    production = await createTestContext({ CG_MODE: 'production' })
    demo = await createTestContext({ CG_MODE: 'demo' })
  })
  afterAll(() => {
    production.close()
    demo.close()
  })

  const post = (t: TestContext, url: string) =>
    t.request('POST', '/rest/v1/webhook_configurations', {
      token: t.orgA.tokens.owner,
      body: { url, events: ['*'] },
    })

  it.each([
    ['http://hooks.example.com/in', /https/],
    ['https://127.0.0.1/in', /not public/],
    ['https://10.1.2.3/in', /not public/],
    ['https://169.254.169.254/latest/meta-data', /not public/],
    ['https://[::1]/in', /not public/],
    ['https://2130706433/in', /not public/],
    ['https://0x7f.1/in', /not public/],
    ['https://localhost/in', /./],
    ['https://metadata.google.internal/in', /./],
  ])('production refuses %s → 400 naming url, nothing written', async (url, reason) => {
    const res = await post(production, url)
    const body = (await res.json()) as { code: string; details: { field: string; message: string }[] }
    expect(res.status).toBe(400)
    expect(body.details[0]).toMatchObject({ field: 'url', message: expect.stringMatching(reason) })
    const list = await production.request('GET', '/rest/v1/webhook_configurations', {
      token: production.orgA.tokens.owner,
    })
    expect(await list.json()).toEqual([])
  })

  it('production takes a public https URL, stored normalised', async () => {
    const res = await post(production, 'https://Hooks.Example.COM/in')
    expect(res.status).toBe(201)
    const list = await production.request('GET', '/rest/v1/webhook_configurations?select=url', {
      token: production.orgA.tokens.owner,
    })
    expect(await list.json()).toEqual([{ url: 'https://hooks.example.com/in' }])
  })

  it('demo mode takes a local http receiver', async () => {
    expect((await post(demo, 'http://127.0.0.1:9999/hook')).status).toBe(201)
  })
})
