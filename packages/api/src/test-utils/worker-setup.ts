/** @module workerd test setup: the local D1 gets the same drizzle-kit migrations `wrangler d1 migrations apply` runs. */
import { applyD1Migrations, env } from 'cloudflare:test'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
