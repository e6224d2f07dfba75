// Element tests in the system Chromium (browser downloads are not possible here; CHROME_PATH overrides).
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromeLauncher } from '@web/test-runner-chrome'
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js'
import { apiHostPlugin } from './test/api-host.js'

export default {
  // *.node.test.ts read the source on Node; vitest runs them (the `elements-node` project).
  // The shared tab suite runs after the rest, on its own (test:browser): beside another file its page is in the
  // background, and its focus and layout cases wait there for frames that come late or not at all.
  files: ['src/**/*.test.ts', '!src/**/*.node.test.ts', '!src/tabs/tab-suite.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    apiHostPlugin(),
    esbuildPlugin({
      ts: true,
      tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
      target: 'es2022',
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: chromiumArgs,
        // Not UTC, so tests can tell local time from UTC (cg-datetime).
        env: { ...process.env, TZ: 'America/New_York' },
      },
    }),
  ],
  concurrency: 2,
  // The shared tab suite is one file of 141 cases (12 tabs × every role, both locales, both widths): about 25 s.
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 30000 } },
}
