/** @module Benchmark servers as child processes: a free port, start, wait until healthy, stop. */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export interface Child {
  name: string
  url: string
  process: ChildProcess
  /** What the process printed, for the error when it dies. */
  output(): string
  stop(): Promise<void>
}

/** A port the kernel says is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Starts `command args` with `env`, then polls `url + healthPath` until it answers 200. The server runs in
 * its own process so that the load generator never shares an event loop (or a core's time slice) with it.
 */
export async function startChild(
  name: string,
  command: string,
  args: string[],
  opts: { port: number; env?: Record<string, string>; healthPath?: string; timeoutMs?: number },
): Promise<Child> {
  const url = `http://127.0.0.1:${opts.port}`
  const child = spawn(command, args, {
    env: { ...process.env, ...opts.env, PORT: String(opts.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killed = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killed)
    }
  }
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const res = await fetch(url + (opts.healthPath ?? '/health'))
      await res.arrayBuffer()
      if (res.ok) return { name, url, process: child, output: () => output, stop }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await stop()
  throw new Error(`${name} did not become healthy at ${url}:\n${output}`)
}
