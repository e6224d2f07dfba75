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

/**
 * A wtr plugin: the host runs for the whole test run; pages learn its URL from `window.CG_API_URL`, the push
 * service's from `window.CG_PUSH_URL`, the mail servers' from `window.CG_MAIL`, and the bot token the Telegram
 * fake knows from `window.CG_TELEGRAM_TOKEN`.
 */
export function apiHostPlugin() {
  let host
  let pushService
  let mail
  let telegram
  return {
    name: 'cg-api-host',
    async serverStart() {
      ;[pushService, mail, telegram] = await Promise.all([
        startPushService(),
        startMailServers(),
        startTelegram(),
      ])
      host = await startApiHost({ TELEGRAM_API_URL: telegram.url })
    },
    async serverStop() {
      await Promise.all([host?.stop(), pushService?.close(), mail?.stop(), telegram?.close()])
    },
    transform(context) {
      if (context.response.is('html')) {
        const urls = `window.CG_API_URL=${JSON.stringify(host.url)};window.CG_PUSH_URL=${JSON.stringify(pushService.url)};window.CG_MAIL=${JSON.stringify(mail.servers)};window.CG_TELEGRAM_TOKEN=${JSON.stringify(TELEGRAM_TOKEN)}`
        return { body: context.body.replace('<head>', `<head><script>${urls}</script>`) }
      }
    },
  }
}

/**
 * An IMAP and an SMTP server on 127.0.0.1 (third parties, as a member's mail provider is), from
 * packages/api/src/test-utils: resolves to their ports and login once they listen.
 */
async function startMailServers() {
  const proc = spawn(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'packages/api/src/test-utils/mail-servers-main.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const servers = await new Promise((resolve, reject) => {
    let output = ''
    proc.stdout.on('data', (d) => {
      output += d
      const line = output.split('\n')[0]
      if (output.includes('\n')) resolve(JSON.parse(line))
    })
    proc.once('exit', (code) => reject(new Error(`mail servers exited (${code}): ${output}`)))
  })
  return {
    servers,
    async stop() {
      proc.kill('SIGTERM')
      await new Promise((r) => (proc.exitCode === null ? proc.once('exit', r) : r()))
    },
  }
}

/** The bot token the Telegram fake knows: any other is refused as Telegram refuses one (401, ok: false). */
export const TELEGRAM_TOKEN = '123456789:AAEexampleexampleexampleexample'

/** Telegram's Bot API for the tests (a third party): `getMe` answers for {@link TELEGRAM_TOKEN}, 401 for the rest. */
function startTelegram() {
  return serve((req, res) => {
    req.resume()
    const known = req.url === `/bot${TELEGRAM_TOKEN}/getMe`
    res.writeHead(known ? 200 : 401, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify(
        known
          ? {
              ok: true,
              result: { id: 123456789, is_bot: true, first_name: 'Acme', username: 'acme_support_bot' },
            }
          : { ok: false, error_code: 401, description: 'Unauthorized' },
      ),
    )
  })
}

/**
 * A push service (a third party) for the tests: real HTTP on 127.0.0.1 that accepts every push with 201, as FCM or
 * Mozilla's autopush does, so a test push to a device subscribed there is delivered.
 */
function startPushService() {
  return serve((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(201).end())
  })
}

/** An HTTP server on 127.0.0.1 and a free port: its URL, and a close that ends open connections. */
async function serve(handler) {
  const server = httpServer(handler)
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
