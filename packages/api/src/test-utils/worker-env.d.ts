/** @module Types of the bindings workerd tests see (wrangler.toml + vitest.config.ts). */
import type { D1Migration } from '@cloudflare/vitest-plugin'
import type { Env } from '../hosts/worker.ts'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
type WorkerEnv = Env & { DB: D1Database }
