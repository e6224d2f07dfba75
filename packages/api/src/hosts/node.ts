/** @module The Node host (`npm start`): libSQL file, migrations on start, demo seed, graceful shutdown. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createApp } from '../app.ts'
import { systemClock } from '../deps.ts'
import { seedDemo } from '../seed.ts'
import { loadNodeConfig } from './node-config.ts'
import { placeholderPage } from './placeholder-page.ts'

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
  const { apiKey } = await seedDemo(db, systemClock)
  const keyFile = join(dataDir, 'demo-api-key.txt')
  if (apiKey) writeFileSync(keyFile, `${apiKey}\n`, { mode: 0o600 })
  console.log(`Demo org "Acme Inc" is ready; its API key is in ${keyFile}`)
}

const app = new Hono()
app.get('/', (c) => c.html(placeholderPage(config.CG_MODE)))
app.route('/', createApp({ db, clock: systemClock, config }))

const server = serve({ fetch: app.fetch, port: config.PORT }, () => {
  console.log(`ConnectGain Settings (${config.CG_MODE}) listening on ${base}  ·  API reference: ${base}/docs`)
})

function shutdown(signal: string) {
  console.log(`${signal}: closing`)
  server.close(() => {
    close()
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
