/**
 * @module The reference's code samples run as printed: curl, Node (postgrest-js and fetch) and Python (requests)
 * against the API over real HTTP, with `API_URL` and `TOKEN` set as the samples ask.
 */
import { execFile } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionsFor, registry } from '../app.ts'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import { buildOpenApi, type HttpMethod } from './openapi.ts'

const run = promisify(execFile)
const doc = buildOpenApi({ registry, functions: functionsFor('demo') })
const apiDir = new URL('../..', import.meta.url).pathname

/** The sample of `lang` for one operation, as the reference shows it. */
function sample(path: string, method: HttpMethod, lang: 'Shell' | 'JavaScript' | 'Python'): string {
  const source = doc.paths[path]?.[method]?.['x-codeSamples']?.find((s) => s.lang === lang)?.source
  if (!source) throw new Error(`no ${lang} sample for ${method} ${path}`)
  return source
}

/** Python with `requests`, when this machine has it (the samples need nothing else). */
const hasRequests = await run('python3', ['-c', 'import requests']).then(
  () => true,
  () => false,
)

let t: TestContext
let server: ReturnType<typeof serve>
let env: Record<string, string>
beforeAll(async () => {
  t = await createTestContext()
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  env = { PATH: process.env.PATH ?? '', API_URL: `http://127.0.0.1:${port}`, TOKEN: t.orgA.tokens.admin }
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  t.close()
})

/** Runs a JavaScript sample as an ES module in Node (from packages/api, where postgrest-js is installed). */
async function node(source: string, print: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `${source}\n${print}`], {
    cwd: apiDir,
    env,
  })
  return JSON.parse(stdout)
}

describe('code samples', () => {
  it('curl creates a quick reply, and postgrest-js and Python read it back', async () => {
    const created = await run('sh', ['-c', sample('/rest/v1/quick_replies', 'post', 'Shell')], { env })
    expect(JSON.parse(created.stdout)).toEqual([expect.objectContaining({ shortcut: 'thanks' })])

    const js = sample('/rest/v1/quick_replies', 'get', 'JavaScript')
    const read = await node(js, 'console.log(JSON.stringify({ data, error }))')
    expect(read).toEqual({ data: [expect.objectContaining({ shortcut: 'thanks' })], error: null })

    if (hasRequests) {
      const py = await run('python3', ['-c', sample('/rest/v1/quick_replies', 'get', 'Python')], { env })
      expect(py.stdout).toContain("'shortcut': 'thanks'")
    }
  })

  it('fetch generates an API key, and the key works', async () => {
    const js = sample('/functions/v1/generate-api-key', 'post', 'JavaScript')
    const key = (await node(js, 'console.log(JSON.stringify(data))')) as { api_key: string; name: string }
    expect(key).toMatchObject({ name: 'CRM sync', api_key: expect.stringMatching(/^ak_/) })
    const withKey = await run('sh', ['-c', sample('/rest/v1/organizations', 'get', 'Shell')], {
      env: { ...env, TOKEN: key.api_key },
    })
    expect(JSON.parse(withKey.stdout)).toEqual([expect.objectContaining({ slug: 'acme' })])
  })

  it('a public function needs no token; without one a protected call is refused with the envelope', async () => {
    const { TOKEN: _, ...anonymous } = env
    const dev = await run('sh', ['-c', sample('/functions/v1/dev/session', 'post', 'Shell')], {
      env: anonymous,
    })
    expect(JSON.parse(dev.stdout)).toMatchObject({ token_type: 'bearer', role: 'admin' })
    const refused = await run('sh', ['-c', sample('/rest/v1/quick_replies', 'get', 'Shell')], {
      env: anonymous,
    })
    expect(JSON.parse(refused.stdout)).toMatchObject({ code: 'PGRST301' })
  })
})
