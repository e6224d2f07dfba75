/** @module The Worker host's app over an env, in workerd tests: JSON calls that wait for the work each leaves behind. */
import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test'
import type { JobMessage } from '@connectgain/contracts'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { parseConfig } from '../app.ts'
import worker from '../hosts/worker.ts'
import { buildWorkerHost, type Env } from '../hosts/worker-host.ts'

export type WorkerCall = <T>(
  path: string,
  token: string | null,
  body: unknown,
  status: number,
  method?: string,
) => Promise<T>

/** Builds the host over `hostEnv`; `call` sends JSON and expects `status`, after the request's `waitUntil` work. */
export async function workerApp(hostEnv: Env): Promise<{ call: WorkerCall }> {
  const parsed = parseConfig(hostEnv as unknown as Record<string, string | undefined>)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  const host = buildWorkerHost(hostEnv, parsed.config)
  await host.ready
  const call: WorkerCall = async <T>(
    path: string,
    token: string | null,
    body: unknown,
    status: number,
    method = 'POST',
  ) => {
    const execution = createExecutionContext()
    const res = await host.app.fetch(
      new Request(`http://cg.test${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          prefer: 'return=representation',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      }),
      hostEnv,
      execution as never,
    )
    await waitOnExecutionContext(execution)
    const text = await res.text()
    expect(res.status, `${path}: ${text}`).toBe(status)
    return (text ? JSON.parse(text) : null) as T
  }
  return { call }
}

/** A JOBS binding that keeps what is sent, so that the test, not Miniflare, runs the consumer. */
export function heldQueue() {
  const sent: JobMessage[] = []
  const binding = {
    send: async (body: JobMessage) => void sent.push(body),
    sendBatch: async (batch: Iterable<{ body: JobMessage }>) => {
      for (const { body } of batch) sent.push(body)
    },
  }
  return { sent, binding: binding as never }
}

/** Runs the Worker's `queue` handler on one delivery of `job` (its `attempts`th); notes the retry delay it asked for. */
export async function consumeOnce(queue: string, job: JobMessage, attempts: number) {
  const batch = createMessageBatch(queue, [
    { id: `msg-${attempts}`, timestamp: Date.now(), attempts, body: job },
  ])
  let delay: number | undefined
  for (const msg of batch.messages) {
    const retry = msg.retry.bind(msg)
    msg.retry = (options) => {
      delay = options?.delaySeconds
      retry(options)
    }
  }
  const execution = createExecutionContext()
  await worker.queue(batch as never, env)
  return { ...(await getQueueResult(batch, execution)), delay }
}

export interface Intercepted {
  url: string
  headers: Record<string, string>
  body: Uint8Array
  text: string
}

/**
 * Answers this isolate's `fetch` to a third party's `origin` from the test (every other request goes out as usual)
 * for each test of the file: `requests` holds what was sent, `answer` what the next ones get.
 */
export function interceptOrigin(origin: string, initial: () => Response) {
  const state = { requests: [] as Intercepted[], answer: initial }
  beforeEach(() => {
    state.requests = []
    state.answer = initial
    const realFetch = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const request = new Request(input as RequestInfo, init)
      if (!request.url.startsWith(origin)) return realFetch(input, init)
      const body = new Uint8Array(await request.arrayBuffer())
      state.requests.push({
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body,
        text: new TextDecoder().decode(body),
      })
      return state.answer()
    })
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })
  return state
}
