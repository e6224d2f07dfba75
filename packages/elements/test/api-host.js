// Starts the real Node host (demo mode, a temp database) for the element tests and the end-to-end test.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer as httpServer } from 'node:http'
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
  let pushService
  return {
    name: 'cg-api-host',
    async serverStart() {
      ;[host, pushService] = await Promise.all([startApiHost(), startPushService()])
    },
    async serverStop() {
      await Promise.all([host?.stop(), pushService?.close()])
    },
    transform(context) {
      if (context.response.is('html')) {
        const urls = `window.CG_API_URL=${JSON.stringify(host.url)};window.CG_PUSH_URL=${JSON.stringify(pushService.url)}`
        return { body: context.body.replace('<head>', `<head><script>${urls}</script>`) }
      }
    },
  }
}

/**
 * A push service (a third party) for the tests: real HTTP on 127.0.0.1 that accepts every push with 201, as FCM or
 * Mozilla's autopush does, so a test push to a device subscribed there is delivered.
 */
async function startPushService() {
  const server = httpServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(201).end())
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve)
        server.closeAllConnections()
      }),
  }
}
