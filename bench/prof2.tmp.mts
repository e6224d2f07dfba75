import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { SourceMapConsumer } from 'source-map-js'
import { chromiumArgs, findChromium } from '../scripts/chromium.js'
import { freePort, startChild } from './lib/child.ts'
const api = await startChild('node host', process.execPath, ['node_modules/tsx/dist/cli.mjs', 'packages/api/src/hosts/node.ts'], { port: await freePort(), env: { CG_MODE: 'demo', DATA_DIR: mkdtempSync(join(tmpdir(), 'wf-')) } })
const s = (await (await fetch(`${api.url}/functions/v1/dev/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"role":"admin"}' })).json()) as { access_token: string }
const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--headless=new', ...chromiumArgs] })
const agg = new Map<string, number>()
for (let run = 0; run < 5; run++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.route(`${api.url}/bench/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><script type="module" src="/elements/cg-settings.js"></script><cg-settings api-url="${api.url}" token="${s.access_token}" tab="organization"></cg-settings>` }))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start')
  await page.goto(`${api.url}/bench/x.html`)
  await page.waitForFunction(() => performance.getEntriesByName('cg-settings:tab-ready').length > 0, undefined, { timeout: 30000 })
  const { profile } = (await cdp.send('Profiler.stop')) as any
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const dt = profile.timeDeltas as number[]
  profile.samples.forEach((id: number, i: number) => {
    // attribute to the nearest frame in our chunks (inclusive of natives it calls)
    let cur: any = byId.get(id)
    while (cur && !/\/elements\//.test(cur.callFrame.url)) cur = byId.get(parent.get(cur.id)!)
    if (!cur) return
    const f = cur.callFrame
    const key = `${f.url.replace(/^.*\/elements\//, '')}|${f.lineNumber}|${f.columnNumber}|${f.functionName}`
    agg.set(key, (agg.get(key) ?? 0) + (dt[i] ?? 0) / 1000 / 5)
  })
  await context.close()
}
const consumers = new Map<string, SourceMapConsumer>()
const rows = [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => {
  const [file, line, col, fn] = k.split('|')
  let c = consumers.get(file!)
  if (!c) { c = new SourceMapConsumer(JSON.parse(readFileSync(`packages/elements/dist/${file}.map`, 'utf8'))); consumers.set(file!, c) }
  const o = c.originalPositionFor({ line: Number(line) + 1, column: Number(col) })
  return `${v.toFixed(1).padStart(6)} ms  ${fn || '(anon)'}  ${(o.source ?? '').replace(/^.*packages\//, '').replace(/^.*node_modules\//, '')}:${o.line}`
})
console.log(rows.join('\n'))
await browser.close(); await api.stop()
