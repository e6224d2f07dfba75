/** @module Node host configuration: env + (demo mode) secrets generated once into DATA_DIR with mode 0600. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ConfigResult, parseConfig } from '../config.ts'

const SECRETS_FILE = 'secrets.json'

function randomBase64(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64')
}

/** In demo mode, SESSION_SECRET and ENCRYPTION_KEY come from DATA_DIR/secrets.json, made on first start. */
function demoSecrets(dataDir: string): Record<string, string> {
  const file = join(dataDir, SECRETS_FILE)
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  mkdirSync(dataDir, { recursive: true })
  const secrets = { SESSION_SECRET: randomBase64(48), ENCRYPTION_KEY: randomBase64(32) }
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  return secrets
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
