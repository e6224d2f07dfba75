// Starts the real Node host (demo mode, a temp database) for the element tests and the end-to-end test.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('../../../', import.meta.url).pathname

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** Runs `npm start`'s entry on a free port; resolves once /health answers. */
export async function startApiHost(env = {}) {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-elements-'))
  const proc = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'packages/api/src/hosts/node.ts')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, CG_MODE: 'demo', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  proc.stdout.on('data', (d) => (output += d))
  proc.stderr.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`API host exited:\n${output}`)
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) {
      return {
        url,
        dataDir,
        async stop() {
          proc.kill('SIGTERM')
          await new Promise((r) => proc.once('exit', r))
          rmSync(dataDir, { recursive: true, force: true })
        },
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  proc.kill()
  throw new Error(`API host did not start:\n${output}`)
}

/** A wtr plugin: the host runs for the whole test run; pages learn its URL from `window.CG_API_URL`. */
export function apiHostPlugin() {
  let host
  return {
    name: 'cg-api-host',
    async serverStart() {
      host = await startApiHost()
    },
    async serverStop() {
      await host?.stop()
    },
    transform(context) {
      if (context.response.is('html')) {
        return {
          body: context.body.replace(
            '<head>',
            `<head><script>window.CG_API_URL=${JSON.stringify(host.url)}</script>`,
          ),
        }
      }
    },
  }
}
