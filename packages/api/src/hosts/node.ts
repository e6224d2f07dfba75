/** @module The Node host (`npm start`): libSQL file, migrations on start, demo seed, graceful shutdown. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { serve } from '@hono/node-server'
import { createApp, jobHandlers, outboxes, housekeeping as prunes } from '../app.ts'
import { systemClock } from '../clock.ts'
import { KeyUsage } from '../features/api-keys/key-usage.ts'
import { Dispatcher } from '../jobs/dispatcher.ts'
import { TableQueue } from '../jobs/table-queue.ts'
import { seedDemo } from '../seed.ts'
import { loadNodeConfig } from './node-config.ts'
import { nodeEmailTester } from './node-email-tester.ts'
import { nodeHashing } from './node-hashing.ts'
import { smtpMailer } from './node-mailer.ts'
import { nodeResolve } from './node-resolver.ts'
import { staticAssets } from './node-static.ts'

const loaded = loadNodeConfig()
if (!loaded.ok) {
  console.error(`Configuration is invalid:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`)
  process.exit(1)
}
const config = loaded.config
const dataDir = resolve(config.DATA_DIR)
mkdirSync(dataDir, { recursive: true })
const url = config.DATABASE_URL ?? `file:${join(dataDir, 'connectgain.db')}`
const { db, close } = await openDb(url, config.DATABASE_AUTH_TOKEN)
await migrateDb(db)

const base = `http://localhost:${config.PORT}`
if (config.CG_MODE === 'demo') {
  console.warn('Demo mode: /functions/v1/dev/session is open and http:// webhook/push URLs are allowed.')
  await seedDemo(db, systemClock, config.DEMO_API_KEY)
  const keyFile = join(dataDir, 'demo-api-key.txt')
  writeFileSync(keyFile, `${config.DEMO_API_KEY ?? ''}\n`, { mode: 0o600 })
  console.log(`Demo org "Acme Inc" is ready; its API key is in ${keyFile}`)
}

const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL) : undefined
const ctx = { db, clock: systemClock, config, resolve: nodeResolve, ...(mailer ? { mailer } : {}) }
const queue = new TableQueue(ctx, jobHandlers, { leaseMs: config.JOB_LEASE_SECONDS * 1000 })
queue.start()
const housekeeping = setInterval(() => {
  const now = systemClock.now()
  for (const prune of prunes) {
    prune(db, now).catch((err: Error) => console.error(`housekeeping failed: ${err.message}`))
  }
}, 3_600_000)
// Every write that raises events kicks the outbox; this catches what a crash left between commit and kick.
const outbox = new Dispatcher(db, systemClock, queue, outboxes)
const sweep = setInterval(() => void outbox.kick(), 5_000)

const keyUsage = new KeyUsage(db)
const app = createApp(
  { ...ctx, queue, hashing: nodeHashing, outbox, emailTester: nodeEmailTester },
  { assets: staticAssets(config.CG_MODE), keyUsage },
)

const server = serve({ fetch: app.fetch, port: config.PORT }, () => {
  console.log(`ConnectGain Settings (${config.CG_MODE}) listening on ${base}  ·  API reference: ${base}/docs`)
})

function shutdown(signal: string) {
  console.log(`${signal}: closing`)
  clearInterval(housekeeping)
  clearInterval(sweep)
  server.close(async () => {
    await queue.stop() // jobs in hand finish; the rest stay rows for the next start
    await keyUsage.flush() // the last minute's API key usage
    close()
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
