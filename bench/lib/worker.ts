/**
 * @module The Worker host under `wrangler dev` for the API benchmark: a migrated local D1 of its own, demo
 * secrets passed as variables, the same `/health` wait as the Node host.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKey } from '../../packages/api/src/features/api-keys/key-format.ts'
import { type Child, freePort, startChild } from './child.ts'

const wrangler = join('node_modules', 'wrangler', 'bin', 'wrangler.js')
const base64 = (bytes: number) =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64')

/** Starts `wrangler dev` locally, or throws an Error whose message says why the Worker cannot be measured. */
export async function startWorker(): Promise<{ child: Child; apiKey: string }> {
  const [major = 0] = process.versions.node.split('.').map(Number)
  if (major < 22) throw new Error(`wrangler needs Node 22 or later; this is ${process.version}`)
  if (!existsSync('.site')) throw new Error('the Worker serves .site: run `npm run build` first')
  const persist = mkdtempSync(join(tmpdir(), 'cg-bench-worker-'))
  const env = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }
  const migrated = spawnSync(
    process.execPath,
    [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    { env, encoding: 'utf8' },
  )
  if (migrated.status !== 0) throw new Error(`wrangler d1 migrations apply failed: ${migrated.stderr}`)
  const apiKey = generateKey()
  const vars = { SESSION_SECRET: base64(48), ENCRYPTION_KEY: base64(32), DEMO_API_KEY: apiKey }
  const port = await freePort()
  const child = await startChild(
    'worker (wrangler dev)',
    process.execPath,
    [
      wrangler,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(await freePort()),
      '--persist-to',
      persist,
      '--log-level',
      'error',
      '--show-interactive-dev-session=false',
      ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    { port, env: { CI: 'true', WRANGLER_SEND_METRICS: 'false' }, timeoutMs: 120_000 },
  )
  return { child, apiKey }
}
