/**
 * @module API benchmark: throughput and p50/p99 of the Node host (and the Worker under `wrangler dev`)
 * as ratios to a bare Hono app, beside the same-work handler that marks the limit of the stack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Child, freePort, startChild } from './lib/child.ts'
import { better, type LoadOptions, type LoadResult, load } from './lib/load.ts'
import { type Machine, machine } from './lib/machine.ts'
import { benchOptions } from './lib/options.ts'
import { startWorker } from './lib/worker.ts'

const { smoke, out } = benchOptions()
/** `--only health,get-jwt` runs some scenarios; `--no-worker` leaves `wrangler dev` out (both for quick checks). */
const argv = process.argv.slice(2)
const only = argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '').split(',') : null
const withWorker = !argv.includes('--no-worker')
const CONNECTIONS = 16
const DURATION_S = smoke ? 0.5 : 3
const ROUNDS = smoke ? 1 : 5
const WARMUP_S = smoke ? 0 : 1

const node = process.execPath
const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs')

export type Target = 'bare' | 'node' | 'sameWork' | 'worker'

export interface Scenario {
  name: string
  /** What is requested, for the table. */
  request: string
  results: Partial<Record<Target, LoadResult>>
}

export interface ApiResults {
  name: 'api'
  date: string
  machine: Machine
  settings: { connections: number; durationSeconds: number; rounds: number; smoke: boolean }
  /** Why the Worker is not in the table, when it is not. */
  workerSkipped?: string
  scenarios: Scenario[]
}

const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-api-'))
const children: Child[] = []
const stopAll = () => Promise.all(children.map((c) => c.stop()))
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)))

async function start(name: string, script: string, env: Record<string, string> = {}): Promise<Child> {
  const child = await startChild(name, node, [tsx, script], { port: await freePort(), env })
  children.push(child)
  return child
}

/**
 * A key for the benchmark, with the highest rate limit: the demo key's 600 a minute would answer 429 within the
 * first second of load.
 */
async function benchKey(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/functions/v1/generate-api-key`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'benchmark', rate_limit: 1_000_000 }),
  })
  if (!res.ok) throw new Error(`generate-api-key answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { api_key: string }).api_key
}

/** A session token and the org it belongs to, from the demo-mode route. */
async function session(url: string): Promise<{ token: string; orgId: string }> {
  const res = await fetch(`${url}/functions/v1/dev/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"role":"admin"}',
  })
  if (!res.ok) throw new Error(`dev/session answered ${res.status}: ${await res.text()}`)
  const body = (await res.json()) as { access_token: string; org_id: string }
  return { token: body.access_token, orgId: body.org_id }
}

try {
  // As `npm start` runs it: tsx, demo mode, a data folder of its own, PORT.
  const api = await start('node host', 'packages/api/src/hosts/node.ts', {
    CG_MODE: 'demo',
    DATA_DIR: dataDir,
  })
  const { token, orgId } = await session(api.url)
  const apiKey = await benchKey(api.url, token)
  const orgPath = `/rest/v1/organizations?id=eq.${orgId}`
  const orgJson = await (
    await fetch(api.url + orgPath, { headers: { Authorization: `Bearer ${token}` } })
  ).text()
  const bare = await start('bare Hono', 'bench/baselines/bare-hono.ts', { BENCH_JSON: orgJson })
  const sameWork = await start('same-work handler', 'bench/baselines/same-work.ts', { DATA_DIR: dataDir })
  const targets: Partial<Record<Target, { url: string; token: string; apiKey: string }>> = {
    bare: { url: bare.url, token, apiKey },
    node: { url: api.url, token, apiKey },
    sameWork: { url: sameWork.url, token, apiKey },
  }
  let workerSkipped: string | undefined
  let workerOrgId = orgId
  const worker = withWorker
    ? await startWorker().catch((err: Error) => err)
    : new Error('left out with --no-worker')
  if (worker instanceof Error) workerSkipped = worker.message
  else {
    children.push(worker.child)
    const s = await session(worker.child.url)
    workerOrgId = s.orgId
    targets.worker = {
      url: worker.child.url,
      token: s.token,
      apiKey: await benchKey(worker.child.url, s.token),
    }
  }

  const patchBody = JSON.stringify({ name: 'Acme Inc' })
  const scenarios: Array<{
    name: string
    request: string
    expect: number
    options: (t: {
      url: string
      token: string
      apiKey: string
    }) => Omit<LoadOptions, 'connections' | 'duration'>
  }> = [
    { name: 'health', request: 'GET /health', expect: 200, options: (t) => ({ url: `${t.url}/health` }) },
    {
      name: 'get-jwt',
      request: 'GET /rest/v1/organizations?id=eq.… (session JWT)',
      expect: 200,
      options: (t) => ({ url: t.url + orgPath, headers: { Authorization: `Bearer ${t.token}` } }),
    },
    {
      name: 'get-api-key',
      request: 'GET /rest/v1/organizations?id=eq.… (API key)',
      expect: 200,
      options: (t) => ({ url: t.url + orgPath, headers: { Authorization: `Bearer ${t.apiKey}` } }),
    },
    {
      name: 'patch-jwt',
      request: 'PATCH /rest/v1/organizations?id=eq.… (session JWT, return=representation)',
      expect: 200,
      options: (t) => ({
        url: t.url + orgPath,
        method: 'PATCH',
        body: patchBody,
        headers: {
          Authorization: `Bearer ${t.token}`,
          'Content-Type': 'application/json',
          Prefer: 'return=representation',
        },
      }),
    },
  ]

  const results: ApiResults = {
    name: 'api',
    date: new Date().toISOString(),
    machine: machine(),
    settings: { connections: CONNECTIONS, durationSeconds: DURATION_S, rounds: ROUNDS, smoke },
    ...(workerSkipped ? { workerSkipped } : {}),
    scenarios: [],
  }
  const order = Object.keys(targets) as Target[]
  for (const scenario of scenarios.filter((s) => !only || only.includes(s.name))) {
    const best: Partial<Record<Target, LoadResult>> = {}
    // The Worker's org differs from the Node host's: its id goes in its own URL.
    const run = async (target: Target, duration: number) => {
      const t = targets[target]
      if (!t) throw new Error(`no target ${target}`)
      const opts = scenario.options(t)
      if (target === 'worker') opts.url = opts.url.replace(orgId, workerOrgId)
      const result = await load({ ...opts, connections: CONNECTIONS, duration }, scenario.expect)
      if (result.failures > 0) {
        throw new Error(`${scenario.name} on ${target}: ${result.failures} of ${result.requests} failed`)
      }
      return result
    }
    if (WARMUP_S) for (const target of order) await run(target, WARMUP_S)
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so that no target always runs first (or last) on a machine that drifts.
      const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)]
      for (const target of rotated) best[target] = better(best[target], await run(target, DURATION_S))
    }
    results.scenarios.push({ name: scenario.name, request: scenario.request, results: best })
    const line = order.map((t) => `${t} ${Math.round(best[t]?.rps ?? 0)}/s p99 ${best[t]?.p99}ms`)
    console.log(`${scenario.name.padEnd(12)} ${line.join('  ·  ')}`)
  }
  writeFileSync(join(out, 'api.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(`wrote ${join(out, 'api.json')}`)
} finally {
  await stopAll()
  rmSync(dataDir, { recursive: true, force: true })
}
