// Element tests in the system Chromium (browser downloads are not possible here; CHROME_PATH overrides).
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromeLauncher } from '@web/test-runner-chrome'
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js'
import { apiHostPlugin } from './test/api-host.js'

export default {
  // *.node.test.ts read the source on Node; vitest runs them (the `elements-node` project).
  files: ['src/**/*.test.ts', '!src/**/*.node.test.ts'],
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
  // The shared tab suite is one file of 141 cases (12 tabs × every role, both locales, both widths): about 25 s
  // alone, several times that beside another file on a busy 2-core machine.
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 30000 } },
}
