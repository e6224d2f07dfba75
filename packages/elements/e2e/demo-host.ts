/** @module End-to-end harness: `npm start`'s host (the built element and the vanilla demo) and a page in the system Chromium. */
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.js'
// @ts-expect-error plain JS helpers shared with the browser tests' runner config
import { startApiHost } from '../test/api-host.js'

export interface DemoHost {
  /** The host's origin, e.g. http://127.0.0.1:41234. */
  readonly url: string
  readonly page: Page
}

/** Starts one host and one browser page for the test file, and stops both after it. */
export function useDemoHost(): DemoHost {
  let host: { url: string; stop(): Promise<void> } | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  beforeAll(async () => {
    host = await startApiHost()
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
    page = await browser.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })
  return {
    get url() {
      if (!host) throw new Error('the host is not started')
      return host.url
    },
    get page() {
      if (!page) throw new Error('the page is not open')
      return page
    },
  }
}
