import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/** Two hosts, one suite: `node` runs everything on Node; `workerd` runs *.worker.test.ts inside the Worker runtime. */
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
            exclude: ['**/*.worker.test.ts', '**/node_modules/**'],
            pool: 'forks',
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
                  DEMO_API_KEY: 'ak_DemoKeyForWorkerdTests0123456789',
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
