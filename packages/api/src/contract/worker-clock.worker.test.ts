/**
 * @module The API contract suite in workerd on D1 again, through the Worker host's app with a clock the tests
 * move: the time-based cases (expiry, a roll's overlap, usage written once a minute, rate-limit windows) that
 * the fetch handler's real clock skips. Requests carry an execution context, as in production (`waitUntil`).
 */
import { createExecutionContext, env } from 'cloudflare:test'
import { parseConfig } from '../app.ts'
import { buildWorkerHost } from '../hosts/worker-host.ts'
import { TestClock } from '../test-utils/clock.ts'
import { workerTarget } from '../test-utils/worker-contract-target.ts'
import { describeApiContract } from './suite.ts'

describeApiContract('workerd with a test clock', async () => {
  const parsed = parseConfig(env as unknown as Record<string, string | undefined>)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  const clock = new TestClock(new Date())
  const host = buildWorkerHost(env, parsed.config, clock)
  await host.ready
  const fetch = async (path: string, init?: RequestInit) =>
    host.app.fetch(new Request(`http://cg.test${path}`, init), env, createExecutionContext() as never)
  return { ...(await workerTarget(fetch, clock)), advanceClock: (ms) => clock.advance(ms) }
})
