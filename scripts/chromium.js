// Where the system Chromium is, and the flags it needs on a machine without a network.
import { existsSync } from 'node:fs'

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** CHROME_PATH, else the first system Chromium found; null when there is none. */
export function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH
  return candidates.find((path) => existsSync(path)) ?? null
}

export function chromiumPath() {
  const path = findChromium()
  if (!path) throw new Error('No Chromium found: run `apt-get install -y chromium` or set CHROME_PATH')
  return path
}

/** Without the background-networking flags Chromium floods the closed network with refused connections. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Test pages run side by side: keep timers and rendering of background pages at full speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
]
