import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/**
 * Two hosts, one suite: `node` runs the API and package tests on Node, `workerd` runs *.worker.test.ts inside
 * the Worker runtime, `e2e` drives the built demo in Chromium. Element tests run in @web/test-runner, except
 * `elements-node`: the element's *.node.test.ts, which read its source files.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations('packages/db/drizzle')
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            testTimeout: 20_000,
            include: ['packages/*/src/**/*.test.ts'],
            // The element's tests run in Chromium through @web/test-runner.
            exclude: ['**/*.worker.test.ts', '**/node_modules/**', 'packages/elements/**'],
            pool: 'forks',
          },
        },
        {
          test: {
            // The element's few checks that read its source on Node, not in a browser (web-test-runner skips them).
            name: 'elements-node',
            include: ['packages/elements/{src,build}/**/*.node.test.ts'],
          },
        },
        {
          test: {
            // Needs `npm run build` first: the host serves the built element and the vanilla demo.
            name: 'e2e',
            include: ['packages/elements/e2e/*.e2e.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  CG_MODE: 'demo',
                  SESSION_SECRET: 'workerd-test-session-secret-0123456789',
                  ENCRYPTION_KEY: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=',
                  DEMO_API_KEY: 'ak_fLokKCOidzg09Ebbby7N0R1sM35rxS7c4JkAbw', // checksummed (key-format.ts)
                  // A VAPID pair made for these tests (web-push generateVAPIDKeys), as dev:worker passes the demo's.
                  VAPID_PUBLIC_KEY:
                    'BJujlneFXeuQWGbrqEJJ72e0mrEnJqO3TOa6FnaXJkB24QJfa2PWI5ibUKXyFtvpWH5iJIRmq9YZvCxUKLi0hlY',
                  VAPID_PRIVATE_KEY: 'vlMYkGG8ybGfMg_Fud4A3TF4P_VFzzGc5KhbtAx8FE8',
                  VAPID_SUBJECT: 'mailto:ops@example.com',
                },
              },
            }),
          ],
          test: {
            name: 'workerd',
            testTimeout: 20_000,
            include: ['packages/*/src/**/*.worker.test.ts'],
            setupFiles: ['packages/api/src/test-utils/worker-setup.ts'],
          },
        },
      ],
    },
  }
})
