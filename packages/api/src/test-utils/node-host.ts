/** @module The real Node host (`npm start`'s entry) as a child process on a free port, for tests that kill and restart it. */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { expect } from 'vitest'

const entry = new URL('../hosts/node.ts', import.meta.url).pathname
const root = new URL('../../../../', import.meta.url).pathname

export interface NodeHost {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  proc: ChildProcess
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>
  /** Sends `signal` (SIGKILL: no graceful shutdown at all) and waits for the exit; a no-op once exited. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Starts the host on `dataDir` (demo mode unless `env` says otherwise); resolves once /health answers. */
export async function startNodeHost(dataDir: string, env: Record<string, string> = {}): Promise<NodeHost> {
  const port = await freePort()
  // Node itself with tsx's loader, not the `tsx` CLI: that one runs the host in a child process, which a SIGKILL
  // of the CLI leaves running (orphaned), so a test of a crash would not crash anything.
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, CG_MODE: 'demo', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  proc.stdout?.on('data', (d) => (output += d))
  proc.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const host: NodeHost = {
    url,
    proc,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
      await exited
    },
  }
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`the Node host exited:\n${output}`)
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return host
    await new Promise((r) => setTimeout(r, 100))
  }
  await host.stop('SIGKILL')
  throw new Error(`the Node host did not become healthy:\n${output}`)
}

/** POSTs JSON to the host and expects `status`; returns the parsed body. */
export async function hostCall<T>(
  host: NodeHost,
  path: string,
  token: string | null,
  body: unknown,
  status: number,
) {
  const res = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      prefer: 'return=representation',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  expect(res.status, `${path}: ${text}`).toBe(status)
  return JSON.parse(text) as T
}

/** A demo-org session for `role` from the dev-session route. */
export const devSession = (host: NodeHost, role: string) =>
  hostCall<{ access_token: string; user_id: string }>(host, '/functions/v1/dev/session', null, { role }, 200)

/** Polls `done` every 250 ms; throws after `limitMs` with the host's output. */
export async function until(
  what: string,
  done: () => boolean | Promise<boolean>,
  limitMs: number,
  host?: NodeHost,
) {
  const start = Date.now()
  while (!(await done())) {
    if (Date.now() - start > limitMs) {
      throw new Error(
        `gave up after ${limitMs} ms waiting for ${what}${host ? `\nhost output:\n${host.output()}` : ''}`,
      )
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}
