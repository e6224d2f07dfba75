/**
 * @module The React 19 and Vue 3 examples, built against a real API host and driven in Chromium:
 * the element mounts through each framework, gets its token from tokenProvider, filters tabs by
 * role, and its events reach the framework's handlers.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.js'
// @ts-expect-error plain JS helpers shared with the browser tests' runner config
import { startApiHost } from '../test/api-host.js'
import { builtTabCount } from './built-tabs.ts'
import { serveDir } from './serve-dir.ts'

const root = new URL('../../../', import.meta.url).pathname

let host: { url: string; stop(): Promise<void> }
let browser: Browser
const cleanups: (() => void)[] = []

beforeAll(async () => {
  host = await startApiHost()
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
})

afterAll(async () => {
  for (const cleanup of cleanups) cleanup()
  await browser?.close()
  await host?.stop()
})

/** Builds the example against this run's API host and serves it on 127.0.0.1. */
async function serveExample(name: 'react' | 'vue'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `cg-example-${name}-`))
  execFileSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: join(root, 'examples', name),
      env: { ...process.env, VITE_API_URL: host.url },
    },
  )
  const served = await serveDir(outDir)
  cleanups.push(() => {
    served.close()
    rmSync(outDir, { recursive: true, force: true })
  })
  return served.url
}

describe.each(['react', 'vue'] as const)('the %s example', (name) => {
  it('mounts the element with a token from tokenProvider, filters tabs by role, and hears its events', async () => {
    const page = await browser.newPage()
    await page.goto(await serveExample(name))
    const tabs = page.locator('cg-settings nav a[data-tab]')
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBe(builtTabCount('admin'))
    await expect
      .poll(() =>
        page.locator('cg-settings cg-organization-tab').getByLabel('Organization name').inputValue(),
      )
      .toBe('Acme Inc')
    await page.locator('cg-settings nav a[data-tab="webhooks"]').click()
    await expect.poll(() => page.locator('.log li').first().textContent()).toContain('cg-navigate')
    await page.locator('header select').selectOption('agent')
    await expect.poll(() => tabs.count()).toBe(builtTabCount('agent'))
    await page.close()
  })
})
