/**
 * @module The webhook benchmark's receiver: a plain node:http server on 127.0.0.1 that answers `200 {}` at once
 * and records when each (`webhook-id`, path) pair arrived, so that nothing it does slows the sender down.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'

export interface Receipt {
  /** `performance.now()` of this process when the whole body had arrived. */
  at: number
  path: string
  /** The `webhook-id` header: the message id, the same on every attempt. */
  messageId: string
  /** The body's `data.id` (the contact's id), when the body has one. */
  dataId: string | null
}

export interface Recorder {
  /** The origin, `http://127.0.0.1:<port>`; append `/e0`, `/e1`… */
  url: string
  /** The first receipt of each `webhook-id` + path; a second one only counts in {@link duplicates}. */
  receipts: Map<string, Receipt>
  duplicates(): number
  /** Forgets every receipt (between runs). */
  clear(): void
  /** Resolves once `count` distinct receipts arrived; rejects after `timeoutMs` saying how many did, or on close. */
  waitFor(count: number, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

export async function startRecorder(): Promise<Recorder> {
  const receipts = new Map<string, Receipt>()
  let duplicates = 0
  let waiter: { count: number; resolve: () => void; reject: (err: Error) => void } | undefined
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const at = performance.now()
      const path = req.url ?? ''
      const messageId = String(req.headers['webhook-id'] ?? '')
      let dataId: string | null = null
      try {
        const id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { id?: unknown } }).data
          ?.id
        dataId = typeof id === 'string' ? id : null
      } catch {
        // not JSON: recorded without a data id
      }
      const key = `${messageId} ${path}`
      if (receipts.has(key)) duplicates++
      else receipts.set(key, { at, path, messageId, dataId })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' })
      res.end('{}')
      if (waiter && receipts.size >= waiter.count) waiter.resolve()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    receipts,
    duplicates: () => duplicates,
    clear() {
      receipts.clear()
      duplicates = 0
    },
    waitFor(count, timeoutMs) {
      if (receipts.size >= count) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = undefined
          reject(
            new Error(
              `the receiver got ${receipts.size} of ${count} deliveries within ${timeoutMs / 1000} s`,
            ),
          )
        }, timeoutMs)
        const settle = () => {
          clearTimeout(timer)
          waiter = undefined
        }
        waiter = {
          count,
          resolve: () => {
            settle()
            resolve()
          },
          reject: (err) => {
            settle()
            reject(err)
          },
        }
      })
    },
    close() {
      waiter?.reject(new Error('the receiver was closed'))
      server.closeAllConnections()
      // A second close (Ctrl-C, then the benchmark's own cleanup) only reports that it is not running.
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
