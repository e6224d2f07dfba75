/** @module Node host configuration: env + (demo mode) secrets generated once into DATA_DIR with mode 0600. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import webPush from 'web-push'
import { parseConfig } from '../app.ts'
import type { ConfigResult } from '../config.ts'
import { generateKey } from '../features/api-keys/key-format.ts'

const SECRETS_FILE = 'secrets.json'

function randomBase64(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64')
}

/**
 * In demo mode, SESSION_SECRET, ENCRYPTION_KEY, DEMO_API_KEY and the VAPID keys come from DATA_DIR/secrets.json,
 * made on first start (mode 0600) and reused afterwards; `npm run dev:worker` shares the same file.
 */
export function demoSecrets(dataDir: string): Record<string, string> {
  const file = join(dataDir, SECRETS_FILE)
  const existing: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  const secrets = {
    SESSION_SECRET: existing.SESSION_SECRET ?? randomBase64(48),
    ENCRYPTION_KEY: existing.ENCRYPTION_KEY ?? randomBase64(32),
    DEMO_API_KEY: existing.DEMO_API_KEY ?? generateKey(),
    ...vapid(existing),
  }
  if (Object.entries(secrets).some(([k, v]) => existing[k] !== v)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return secrets
}

/** The demo's VAPID key pair (kept once made) and a subject. */
function vapid(existing: Record<string, string>) {
  const keys =
    existing.VAPID_PUBLIC_KEY && existing.VAPID_PRIVATE_KEY
      ? { publicKey: existing.VAPID_PUBLIC_KEY, privateKey: existing.VAPID_PRIVATE_KEY }
      : webPush.generateVAPIDKeys()
  return {
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: existing.VAPID_SUBJECT ?? 'mailto:demo@example.com',
  }
}

export function loadNodeConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const mode = env.CG_MODE ?? 'demo'
  if (mode !== 'demo') return parseConfig(env)
  const dataDir = env.DATA_DIR || '.data'
  return parseConfig({
    ...demoSecrets(dataDir),
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v)),
  })
}
