/**
 * @module Element benchmark: gzip sizes of what the host serves (initial chunk, each tab's first open, the
 * whole hub) beside the recorded figures of other hubs, and in Chromium the time from `<cg-settings>`
 * connected to its first tab interactive, as a ratio to a bare Lit element rendering the same form.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import { chromiumArgs, findChromium } from '../scripts/chromium.js'
import { type Child, freePort, startChild } from './lib/child.ts'
import { benchOptions } from './lib/options.ts'

const { smoke, out } = benchOptions()
const RUNS = smoke ? 1 : 9
const DIST = 'packages/elements/dist'
/** The system Chromium (CHROME_PATH overrides), with the same offline flags as the browser tests. */
const CHROMIUM = findChromium()

export interface ElementResults {
  name: 'elements'
  date: string
  browser?: string
  browserSkipped?: string
  sizes: { label: string; gzipKb: number; files?: string[] }[]
  timings: { label: string; medianMs: number; baselineMs?: number; samplesMs: number[] }[]
}

/** Recorded figures of the hubs hosts embed today (docs/shared REFERENCE: gzip, measured). */
const RECORDED = [
  { label: 'WorkOS widgets (189 KB JS + 82 KB CSS)', gzipKb: 189 + 82 },
  { label: "Clerk's browser entry (clerk.browser.js)", gzipKb: 84 },
]

interface ManifestChunk {
  file: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  css?: string[]
}

const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024

/** The gzip sizes from the build's manifest: what the host serves under /elements/. */
function sizes(): ElementResults['sizes'] {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen
    seen.add(key)
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen)
    return seen
  }
  const files = (keys: Iterable<string>) =>
    [...keys].flatMap((k) => [manifest[k]?.file ?? '', ...(manifest[k]?.css ?? [])]).filter(Boolean)
  const total = (list: string[]) => list.reduce((sum, f) => sum + gzipKb(f), 0)
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry)
  if (!entry) throw new Error(`${DIST}/.vite/manifest.json has no entry`)
  const initial = closure(entry)
  const rows: ElementResults['sizes'] = [
    { label: 'initial chunk (every host page)', gzipKb: total(files(initial)), files: files(initial) },
  ]
  for (const [key, chunk] of Object.entries(manifest)) {
    const tab = /tabs\/[\w-]+\/([\w-]+)-tab\.ts$/.exec(key)?.[1]
    if (!chunk.isDynamicEntry || !tab) continue
    const lazy = files([...closure(key)].filter((k) => !initial.has(k)))
    rows.push({
      label: `first open of the ${tab} tab (on top of the initial chunk)`,
      gzipKb: total(lazy),
      files: lazy,
    })
  }
  const all = files(Object.keys(manifest))
  rows.push({ label: 'the whole hub (every chunk the host serves)', gzipKb: total(all), files: all })
  return [...rows, ...RECORDED]
}

/**
 * Whether the form's name field holds the organization's name, searched through every shadow root; marks
 * `bench:filled` the first time it does. A string, so that no bundler helper leaks into the page.
 */
const FILLED_PROBE = `(() => {
  const find = (root) => [...root.querySelectorAll('*')].some(
    (el) => (el instanceof HTMLInputElement && el.value === 'Acme Inc') || (el.shadowRoot !== null && find(el.shadowRoot)))
  if (!find(document)) return false
  performance.mark('bench:filled')
  return true
})()`

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Milliseconds between two performance marks of the page, once the second exists. */
async function between(page: Page, from: string, to: string): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, to, { timeout: 30_000 })
  return page.evaluate(
    ([a, b]) => {
      const [start] = performance.getEntriesByName(a as string)
      const [end] = performance.getEntriesByName(b as string)
      if (!start || !end) throw new Error(`missing mark ${start ? b : a}`)
      return end.startTime - start.startTime
    },
    [from, to],
  )
}

/** Time from connected to the first tab interactive, for `<cg-settings>` and the bare Lit form, alternating. */
async function timings(api: Child, browser: Browser): Promise<ElementResults['timings']> {
  const session = (await (
    await fetch(`${api.url}/functions/v1/dev/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"role":"admin"}',
    })
  ).json()) as { access_token: string; org_id: string }
  const bare = await build({
    entryPoints: ['bench/baselines/bare-lit-form.ts'],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
  })
  const bareJs = bare.outputFiles[0]?.text ?? ''
  const attrs = `api-url="${api.url}" token="${session.access_token}"`
  const pages: Record<string, string> = {
    '/bench/cg-settings.html': `<!doctype html><script type="module" src="/elements/cg-settings.js"></script>
      <cg-settings ${attrs} tab="organization"></cg-settings>`,
    '/bench/bare.html': `<!doctype html><script type="module" src="/bench/bare-lit-form.js"></script>
      <bare-org-form ${attrs} org-id="${session.org_id}"></bare-org-form>`,
  }
  const samples = { ours: [] as number[], filled: [] as number[], bare: [] as number[] }
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first; each run is a fresh context, so both start from an empty HTTP cache.
    const order = run % 2 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)
    for (const which of order) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.route(`${api.url}/bench/**`, (route) => {
        const path = new URL(route.request().url()).pathname
        if (path.endsWith('.js')) return route.fulfill({ body: bareJs, contentType: 'text/javascript' })
        return route.fulfill({ body: pages[path] ?? '', contentType: 'text/html' })
      })
      if (which === 'ours') {
        await page.goto(`${api.url}/bench/cg-settings.html`)
        samples.ours.push(await between(page, 'cg-settings:connected', 'cg-settings:tab-ready'))
        // Interactive: the form's name field holds the organization's name (a probe on every frame).
        await page.waitForFunction(FILLED_PROBE, undefined, { polling: 'raf', timeout: 30_000 })
        samples.filled.push(await between(page, 'cg-settings:connected', 'bench:filled'))
      } else {
        await page.goto(`${api.url}/bench/bare.html`)
        samples.bare.push(await between(page, 'bare:connected', 'bare:tab-ready'))
      }
      await context.close()
    }
  }
  const baselineMs = median(samples.bare)
  return [
    { label: 'bare Lit element: form rendered with the data', medianMs: baselineMs, samplesMs: samples.bare },
    {
      label: '`<cg-settings>`: first tab rendered (`cg-settings:tab-ready`)',
      medianMs: median(samples.ours),
      baselineMs,
      samplesMs: samples.ours,
    },
    {
      label: '`<cg-settings>`: form holds the data (probed each frame)',
      medianMs: median(samples.filled),
      baselineMs,
      samplesMs: samples.filled,
    },
  ]
}

const results: ElementResults = { name: 'elements', date: new Date().toISOString(), sizes: [], timings: [] }
if (!existsSync(join(DIST, '.vite/manifest.json'))) {
  throw new Error(`${DIST} is not built: run \`npm run build -w @connectgain/elements\` first`)
}
results.sizes = sizes()
const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-elements-'))
let api: Child | undefined
let browser: Browser | undefined
try {
  api = await startChild(
    'node host',
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'packages/api/src/hosts/node.ts'],
    {
      port: await freePort(),
      env: { CG_MODE: 'demo', DATA_DIR: dataDir },
    },
  )
  if (CHROMIUM) {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', ...chromiumArgs] })
    results.browser = browser.version()
    results.timings = await timings(api, browser)
  } else {
    // The sizes still count; a machine without the browser says so instead of failing.
    results.browserSkipped = 'no Chromium found (install it, or set CHROME_PATH)'
    console.error(`Chromium timing skipped: ${results.browserSkipped}`)
  }
} finally {
  await browser?.close()
  await api?.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
for (const s of results.sizes) console.log(`${s.gzipKb.toFixed(1).padStart(7)} KB gzip  ${s.label}`)
for (const t of results.timings) console.log(`${t.medianMs.toFixed(1).padStart(7)} ms  ${t.label}`)
writeFileSync(join(out, 'elements.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(`wrote ${join(out, 'elements.json')}`)
