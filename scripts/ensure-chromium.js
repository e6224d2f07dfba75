// Browser tests need a Chromium. Use CHROME_PATH or the system one; as root (CI, a fresh container)
// install Debian's, as `playwright install --with-deps` would; otherwise stop and say what to do.
import { execSync } from 'node:child_process'
import { findChromium } from './chromium.js'

if (!findChromium()) {
  const root = process.getuid?.() === 0
  let hasApt = false
  try {
    execSync('command -v apt-get', { stdio: 'ignore' })
    hasApt = true
  } catch {}
  if (!root || !hasApt) {
    console.error(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`)\n' +
        'or point CHROME_PATH at a Chrome/Chromium binary, then run `npm test` again.',
    )
    process.exit(1)
  }
  console.log('No Chromium found: installing Debian’s chromium package…')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  })
  if (!findChromium()) {
    console.error('chromium installed but not found at /usr/bin/chromium: set CHROME_PATH')
    process.exit(1)
  }
}
