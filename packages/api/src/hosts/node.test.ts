/** @module The Node host as a user runs it: a real process, a real port, a real database file. */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import webPush from 'web-push'
import { DOCS_BUNDLE } from '../assets.ts'
import { isWellFormedKey } from '../features/api-keys/key-format.ts'
import { IMMUTABLE, REVALIDATE } from './compressed-assets.ts'

/** The VAPID variables production requires (a key pair made for the test, a reachable subject). */
function productionVapid() {
  const { publicKey, privateKey } = webPush.generateVAPIDKeys()
  return {
    VAPID_PUBLIC_KEY: publicKey,
    VAPID_PRIVATE_KEY: privateKey,
    VAPID_SUBJECT: 'mailto:ops@example.com',
  }
}

const entry = new URL('./node.ts', import.meta.url).pathname
const tsx = new URL('../../../../node_modules/.bin/tsx', import.meta.url).pathname
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

interface Host {
  proc: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function start(env: Record<string, string>): Host {
  const proc = spawn(tsx, [entry], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  proc.stdout?.on('data', (d) => (output += d))
  proc.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  return { proc, output: () => output, exited }
}

async function waitForHealth(port: number, host: Host): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (host.proc.exitCode !== null) throw new Error(`host exited: ${host.output()}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`host did not become healthy: ${host.output()}`)
}

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-host-'))
  dirs.push(dir)
  return dir
}

describe('node host', () => {
  it('starts in demo mode, serves the API, keeps its secrets and data across restarts, and stops on SIGTERM', async () => {
    const dataDir = tempDir()
    const port = await freePort()
    const env = { PORT: String(port), DATA_DIR: dataDir }
    const first = start(env)
    await waitForHealth(port, first)
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ ok: true })
    // Demo mode serves the vanilla demo page and the element bundle it loads.
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('<cg-settings')
    const bundle = await fetch(`http://127.0.0.1:${port}/elements/cg-settings.js`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toContain('javascript')

    const secretsFile = join(dataDir, 'secrets.json')
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600)
    const secrets = readFileSync(secretsFile, 'utf8')
    const apiKey = readFileSync(join(dataDir, 'demo-api-key.txt'), 'utf8').trim()
    expect(isWellFormedKey(apiKey)).toBe(true)
    expect(JSON.parse(secrets).DEMO_API_KEY).toBe(apiKey) // shared with `npm run dev:worker`

    const session = await fetch(`http://127.0.0.1:${port}/functions/v1/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'owner' }),
    })
    expect(session.status).toBe(200)
    const { access_token } = (await session.json()) as { access_token: string }
    const patched = await fetch(`http://127.0.0.1:${port}/rest/v1/organizations?slug=eq.acme`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ timezone: 'Europe/Madrid' }),
    })
    expect(patched.status).toBe(204)

    first.proc.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(first.output()).toContain('SIGTERM')

    const second = start(env)
    await waitForHealth(port, second)
    expect(readFileSync(secretsFile, 'utf8')).toBe(secrets)
    // Same secret: the first run's token still works; same file: the change survived; the key still works.
    const org = await fetch(`http://127.0.0.1:${port}/rest/v1/organizations?select=name,timezone`, {
      headers: { authorization: `Bearer ${access_token}` },
    })
    expect(await org.json()).toEqual([{ name: 'Acme Inc', timezone: 'Europe/Madrid' }])
    const viaKey = await fetch(`http://127.0.0.1:${port}/rest/v1/organizations?select=slug`, {
      headers: { apikey: apiKey },
    })
    expect(await viaKey.json()).toEqual([{ slug: 'acme' }])
    second.proc.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  })

  it('in production mode has no dev-session route and no demo page', async () => {
    const port = await freePort()
    const host = start({
      PORT: String(port),
      DATA_DIR: tempDir(),
      CG_MODE: 'production',
      SESSION_SECRET: 'p'.repeat(40),
      ENCRYPTION_KEY: btoa(String.fromCharCode(...new Uint8Array(32).fill(9))),
      ...productionVapid(),
    })
    await waitForHealth(port, host)
    const res = await fetch(`http://127.0.0.1:${port}/functions/v1/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"role":"owner"}',
    })
    expect(res.status).toBe(404)
    // The element bundle is served in production too, compressed and cached; the demo page is not.
    const bundle = await fetch(`http://127.0.0.1:${port}/elements/cg-settings.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    })
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-encoding')).toBe('br') // fetch decodes it
    expect(bundle.headers.get('cache-control')).toBe(REVALIDATE)
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*') // a module script from another origin
    const chunk = (await bundle.text()).match(/chunks\/[\w-]+\.js/)?.[0]
    const chunkRes = await fetch(`http://127.0.0.1:${port}/elements/${chunk}`, {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(chunkRes.headers.get('content-encoding')).toBe('gzip')
    expect(chunkRes.headers.get('cache-control')).toBe(IMMUTABLE)
    // No sourceMappingURL comment in the chunk (bytes every page would pay): the SourceMap header names the map.
    const chunkText = await chunkRes.text()
    expect(chunkText).not.toContain('sourceMappingURL')
    const mapName = chunkRes.headers.get('sourcemap')
    expect(mapName).toBe(`${chunk?.split('/').pop()}.map`)
    const map = await fetch(new URL(mapName ?? '', `http://127.0.0.1:${port}/elements/${chunk}`))
    expect((await map.json()).version).toBe(3)
    const unchanged = await fetch(`http://127.0.0.1:${port}/elements/cg-settings.js`, {
      headers: { 'if-none-match': bundle.headers.get('etag') ?? '' },
    })
    expect(unchanged.status).toBe(304)
    // The element's manifest, for editors and docs tools.
    const manifest = await fetch(`http://127.0.0.1:${port}/elements/custom-elements.json`)
    expect(manifest.headers.get('content-type')).toContain('application/json')
    expect((await manifest.json()).schemaVersion).toBeTruthy()
    // The API reference: Scalar's script from the installed package, on this origin.
    const docs = await (await fetch(`http://127.0.0.1:${port}/docs`)).text()
    expect(docs).toContain(`<script src="${DOCS_BUNDLE}"></script>`)
    const scalar = await fetch(`http://127.0.0.1:${port}${DOCS_BUNDLE}`, {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(scalar.status).toBe(200)
    expect(scalar.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(scalar.headers.get('content-encoding')).toBe('gzip')
    expect(scalar.headers.get('cache-control')).toBe(REVALIDATE)
    expect(await scalar.text()).toContain('createApiReference')
    // Only that file of the package's folder.
    expect((await fetch(`http://127.0.0.1:${port}/docs/scalar/webpack-stats.json`)).status).toBe(404)
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text()
    expect(home).not.toContain('<cg-settings')
    expect((await fetch(`http://127.0.0.1:${port}/demo.js`)).status).toBe(404)
    host.proc.kill('SIGTERM')
    expect(await host.exited).toBe(0)
  })

  it('in production mode exits 1 naming each missing or malformed variable', async () => {
    const host = start({
      PORT: String(await freePort()),
      DATA_DIR: tempDir(),
      CG_MODE: 'production',
      ENCRYPTION_KEY: 'nope',
    })
    expect(await host.exited).toBe(1)
    expect(host.output()).toContain('SESSION_SECRET: is required')
    expect(host.output()).toContain('ENCRYPTION_KEY: must be 32 random bytes in base64')
  })
})
