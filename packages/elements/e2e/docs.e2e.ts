/**
 * @module End to end: the API reference at /docs (Scalar, served by the host from the installed package) in the
 * system Chromium: it loads with no request leaving the origin, its search finds a function, and its try-it calls
 * the API with a session token.
 *
 * Scalar's own markup, which these selectors lean on (@scalar/api-reference 1.46): the sidebar's search box is a
 * `search` landmark that opens a `dialog` of results; each operation is a `region` named by its summary, with a
 * "Test Request" button that opens the `dialog` "API Client"; there the bearer token is the textbox "Bearer Token",
 * "Send get request to …" sends, and the `region` "Response" shows the status as a link ("200 OK").
 */
import { describe, expect, it } from 'vitest'
import { useDemoHost } from './demo-host.ts'

const demo = useDemoHost()

describe('the API reference at /docs', () => {
  it('loads from this origin only, finds generate-api-key, and tries GET /rest/v1/organizations with a token', async () => {
    const { page } = demo
    const requests: { url: string; authorization: string | undefined }[] = []
    page.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers().authorization }))

    await page.goto(`${demo.url}/docs`)
    await page.getByRole('heading', { name: 'ConnectGain Settings API', level: 1 }).waitFor()
    // Human tag names in the sidebar.
    expect(
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /^Quick replies/ })
        .count(),
    ).toBe(1)

    await page.getByRole('search').click()
    await page.keyboard.type('generate-api-key')
    const results = page.getByRole('dialog')
    await expect.poll(() => results.textContent()).toContain('/functions/v1/generate-api-key')
    expect(await results.textContent()).toContain('Generate API key')
    await page.keyboard.press('Escape')

    const { access_token } = (await (
      await fetch(`${demo.url}/functions/v1/dev/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'admin' }),
      })
    ).json()) as { access_token: string }
    const operation = page.getByRole('region', { name: 'Read organizations' })
    await operation.getByRole('button', { name: 'Test Request' }).click()
    const client = page.getByRole('dialog', { name: 'API Client' })
    await client.getByRole('textbox', { name: 'Bearer Token' }).fill(access_token)
    await client.getByRole('button', { name: /^Send get request to / }).click()
    const response = client.getByRole('region', { name: 'Response', exact: true })
    await expect.poll(() => response.textContent()).toContain('200 OK')

    const called = requests.find((r) => new URL(r.url).pathname === '/rest/v1/organizations')
    expect(called?.authorization).toBe(`Bearer ${access_token}`)
    // Every request went to the host: the page, Scalar's script, /openapi.json and the try-it call, no fonts or CDN.
    const paths = requests.map((r) => new URL(r.url).pathname)
    expect(paths).toEqual(expect.arrayContaining(['/docs', '/docs/scalar/standalone.js', '/openapi.json']))
    const elsewhere = requests.filter((r) => !r.url.startsWith(`${demo.url}/`)).map((r) => r.url)
    expect(elsewhere).toEqual([])
  })
})
