/**
 * @module The element outside this repository: `npm pack` → `npm install <tarball>` in a fresh app, a strict
 * TypeScript page (the element, its typed events, tokenProvider; React and Vue typings too) type-checked and
 * built with Vite, then driven in Chromium against a real API host. And a plain page on another origin that
 * loads the element from the API's /elements/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.js'
// @ts-expect-error plain JS helpers shared with the browser tests' runner config
import { startApiHost } from '../test/api-host.js'
import { builtTabCount } from './built-tabs.ts'
import { type ServedDir, serveDir } from './serve-dir.ts'

const root = new URL('../../../', import.meta.url).pathname
const bin = (name: string) => join(root, 'node_modules/.bin', name)

let host: { url: string; stop(): Promise<void> }
let browser: Browser
let work: string
let app: string
let tarball: string
/** The tarball's files, as `npm pack` listed them. */
let packedFiles: string[]
const served: ServedDir[] = []

/** npm as a user runs it: none of the workspace settings of the npm script this test may run under. */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !key.startsWith('npm_') || ['npm_config_cache', 'npm_config_registry'].includes(key),
  ),
)
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/** The fresh app's files: a page whose script is strict TypeScript using the installed package's types. */
function writeApp(apiUrl: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'fresh-app', private: true, type: 'module' }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        types: [],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        // As Vite's app templates have it. lib/index.d.ts is checked whole when it is built, and the
        // expected errors below fail the check if a typing were missing or \`any\`.
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    }),
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fresh app</title>
      <style>cg-settings:not(:defined) { display: block; min-height: 200px }</style></head>
      <body><main><h1>Account</h1></main><script type="module" src="/src/main.ts"></script></body></html>`,
    'src/main.ts': `import '@connectgain/elements'
import type { CgErrorDetail, CgSettings, TabId, TokenProvider } from '@connectgain/elements'

const apiUrl = ${JSON.stringify(apiUrl)}

const tokenProvider: TokenProvider = async () => {
  const res = await fetch(\`\${apiUrl}/functions/v1/dev/session\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'admin' }),
  })
  const { access_token } = (await res.json()) as { access_token: string }
  return access_token
}

const settings: CgSettings = document.createElement('cg-settings')
settings.apiUrl = apiUrl
settings.tab = 'organization' satisfies TabId
settings.tokenProvider = tokenProvider
settings.theme = 'light'
/** Never called: what the typings refuse. */
export function refused(el: CgSettings): void {
  // @ts-expect-error theme is 'light' | 'dark' | 'auto'
  el.theme = 'blue'
  // @ts-expect-error show-unavailable is a boolean
  el.showUnavailable = 'yes'
}

const log: string[] = []
settings.addEventListener('cg-navigate', (event) => {
  // One of ours (a TabId) or a host tab's id (slot="tab:<id>").
  const tab: string = event.detail.tab
  // @ts-expect-error cg-navigate's detail is { tab, previous }
  void event.detail.resource
  log.push(\`cg-navigate \${event.detail.previous ?? '-'} \${tab}\`)
})
document.addEventListener('cg-error', (event) => {
  const detail: CgErrorDetail = event.detail
  log.push(\`cg-error \${detail.code}\`)
})
document.querySelector('main')?.append(settings)
Object.assign(window, { cgLog: log })
`,
    'src/react-typings.tsx': `/// <reference types="@connectgain/elements/react" />
import type { CgSettings } from '@connectgain/elements'

export const Settings = ({ attach }: { attach: (el: CgSettings | null) => void }) => (
  <cg-settings
    ref={attach}
    api-url="https://api.example"
    tab="organization"
    sync-hash
    oncg-saved={(event) => console.log(event.detail.resource)}
    // @ts-expect-error cg-error's detail is { code, message, status }
    oncg-error={(event) => console.log(event.detail.tab)}
  />
)
// @ts-expect-error theme is 'light' | 'dark' | 'auto'
export const Wrong = () => <cg-settings theme="blue" />
`,
    'src/vue-typings.ts': `/// <reference types="@connectgain/elements/vue" />
import type { GlobalComponents } from 'vue'

type Props = InstanceType<GlobalComponents['cg-settings']>['$props']
export const props: Props = {
  'api-url': 'https://api.example',
  tab: 'webhooks',
  tokenProvider: async () => 'eyJ…',
  onCgError: (event) => console.log(event.detail.code),
  // @ts-expect-error cg-saved's detail is { tab, resource, value }
  onCgSaved: (event) => console.log(event.detail.code),
}
// @ts-expect-error theme is 'light' | 'dark' | 'auto'
export const wrong: Props = { theme: 'blue' }
`,
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(app, path, '..'), { recursive: true })
    writeFileSync(join(app, path), text)
  }
}

beforeAll(async () => {
  host = await startApiHost()
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
  work = mkdtempSync(join(tmpdir(), 'cg-package-'))
  app = join(work, 'app')
  // lib/ and its typings (`npm run build` made dist/ and custom-elements.json); then pack without rebuilding
  // dist/, which other end-to-end tests serve meanwhile.
  run('npm', ['run', 'build:package', '-w', '@connectgain/elements'], root)
  const [packed] = JSON.parse(
    run(
      'npm',
      ['pack', '-w', '@connectgain/elements', '--ignore-scripts', '--json', '--pack-destination', work],
      root,
    ),
  ) as { filename: string; files: { path: string }[] }[]
  tarball = join(work, packed!.filename)
  packedFiles = packed!.files.map((file) => file.path)
  writeApp(host.url)
  // What a host app installs: the tarball, whose dependencies (lit, @lit/context, zod) come from the registry
  // (or npm's cache); @types/react and vue only for the typings check.
  run(
    'npm',
    [
      'install',
      tarball,
      '@types/react@19',
      'vue@3',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
    ],
    app,
  )
}, 240_000)

afterAll(async () => {
  for (const server of served) server.close()
  await browser?.close()
  await host?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

async function open(url: string): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(url)
  return page
}

describe('the packed @connectgain/elements', () => {
  it('ships built JS, typings and the manifest, and depends on nothing from this workspace', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'lib/cg-settings.js',
        'lib/index.d.ts',
        'lib/react.d.ts',
        'lib/vue.d.ts',
        'custom-elements.json',
      ]),
    )
    expect(
      packedFiles.filter((file) => !/^(lib\/|custom-elements\.json|package\.json|README)/.test(file)),
    ).toEqual([])
    const installed = join(app, 'node_modules/@connectgain/elements')
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@lit/context', 'lit', 'zod'])
    const chunks = readdirSync(join(installed, 'lib/chunks')).filter((file) => file.endsWith('.js'))
    const code = ['cg-settings.js', ...chunks.map((file) => `chunks/${file}`)]
      .map((file) => readFileSync(join(installed, 'lib', file), 'utf8'))
      .join('\n')
    expect(code).not.toContain('@connectgain/')
    expect(readFileSync(join(installed, 'lib/index.d.ts'), 'utf8')).not.toContain('@connectgain/')
  })

  it('installs into a fresh app whose strict TypeScript, React and Vue typings check, and Vite builds it', () => {
    run(bin('tsc'), ['-p', 'tsconfig.json'], app)
    run(bin('vite'), ['build', '--logLevel', 'error'], app)
  })

  it('runs in that app: tokenProvider signs in, tabs lazy-load, typed events reach the page', async () => {
    const server = await serveDir(join(app, 'dist'))
    served.push(server)
    const page = await open(server.url)
    const tabs = page.locator('cg-settings nav a[data-tab]')
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBe(builtTabCount('admin'))
    await expect
      .poll(() =>
        page.locator('cg-settings cg-organization-tab').getByLabel('Organization name').inputValue(),
      )
      .toBe('Acme Inc')
    await page.locator('cg-settings nav a[data-tab="webhooks"]').click()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { cgLog: string[] }).cgLog))
      .toEqual(['cg-navigate organization webhooks'])
    await page.close()
  })

  it("also loads in a plain page on another origin from the API's /elements/cg-settings.js", async () => {
    const dir = join(work, 'plain')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>
      <script type="module" src="${host.url}/elements/cg-settings.js"></script></head>
      <body><cg-settings api-url="${host.url}" tab="organization"></cg-settings>
      <script type="module">
        document.querySelector('cg-settings').tokenProvider = async () => {
          const res = await fetch('${host.url}/functions/v1/dev/session', {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"agent"}' })
          return (await res.json()).access_token
        }
      </script></body></html>`,
    )
    const server = await serveDir(dir)
    served.push(server)
    const page = await open(server.url)
    await expect
      .poll(() => page.locator('cg-settings nav a[data-tab]').count(), { timeout: 15_000 })
      .toBe(builtTabCount('agent'))
    await page.close()
  })
})
