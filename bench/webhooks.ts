/**
 * @module Webhook benchmark: N `contact.created` events fanned out to M endpoints of a local receiver by the Node
 * host (outbox → dispatcher → durable table queue → signed POST), as deliveries per second and event-to-receipt
 * latency, beside a raw loop of as many POSTs to the same receiver with the queue's concurrency.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type Child, freePort, startChild } from './lib/child.ts'
import { cpuSeconds } from './lib/cpu.ts'
import { type Machine, machine } from './lib/machine.ts'
import { benchOptions } from './lib/options.ts'
import { type Recorder, startRecorder } from './lib/receiver.ts'
import { type Distribution, distribution } from './lib/stats.ts'

const { smoke, out } = benchOptions()
const EVENTS = smoke ? 10 : 200
const ENDPOINTS = smoke ? 2 : 5
/** Concurrent contact writers. */
const WRITERS = 8
/** The table queue's batch size on the Node host: jobs in flight at once. */
const IN_FLIGHT = 10
const ROUNDS = smoke ? 1 : 3
/** Contacts (and raw POSTs per endpoint) sent before measuring, so both sides run warm. */
const WARMUP = smoke ? 0 : 10

const node = process.execPath
const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs')

export interface DeliveryRun {
  deliveries: number
  /** From the first write (or POST) to the last receipt. */
  seconds: number
  perSecond: number
}

export interface WebhooksResults {
  name: 'webhooks'
  date: string
  machine: Machine
  settings: {
    events: number
    endpoints: number
    writers: number
    inFlight: number
    rounds: number
    smoke: boolean
  }
  /** The best round of the Node host (highest deliveries/s). */
  webhooks: DeliveryRun & {
    /** From each contact's POST response to the delivery's receipt, over every (event, endpoint). */
    latencyMs: Distribution
    /** How long the N contact writes took, from the first request to the last response. */
    writeSeconds: number
    /** Deliveries that arrived a second time (same `webhook-id` and endpoint). */
    duplicates: number
    /** The host's CPU seconds over the round ÷ its wall seconds (1 = one core busy throughout); null off Linux. */
    hostCpu: number | null
    /**
     * Where a job's time goes: `duration_ms` of the round's deliveries as the host logged them (signing, the URL
     * and DNS check, the POST and its answer), beside the wall time one job holds a slot (inFlight ÷ deliveries/s).
     */
    sendMs: Distribution
    jobMs: number
  }
  /** The best round of the raw POST loop. */
  raw: DeliveryRun & {
    /** Round trip of each POST. */
    latencyMs: Distribution
  }
  /** webhooks.perSecond ÷ raw.perSecond. */
  ratio: number
  /** Deliveries/s of every round, in order. */
  rounds: { webhooks: number[]; raw: number[] }
}

const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-webhooks-'))
const children: Child[] = []
const running = new Set<ReturnType<typeof spawn>>()
let recorder: Recorder | undefined
let interrupted = false
const stopAll = async () => {
  for (const child of running) child.kill('SIGTERM')
  await Promise.all([...children.map((c) => c.stop()), recorder?.close()])
  rmSync(dataDir, { recursive: true, force: true })
}
// Ctrl-C: the rounds in hand fail as their processes go (and are not reported); exit once all are stopped.
process.on('SIGINT', () => {
  interrupted = true
  void stopAll().then(() => process.exit(130))
})

async function call<T>(url: string, path: string, token: string | null, body: unknown): Promise<T> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Prefer: 'return=representation',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text}`)
  return JSON.parse(text) as T
}

const session = async (url: string, role: 'owner' | 'agent') =>
  (await call<{ access_token: string }>(url, '/functions/v1/dev/session', null, { role })).access_token

/** Creates `count` contacts with WRITERS at a time; returns when each one's POST answered, by contact id. */
async function writeContacts(url: string, token: string, count: number, label: string) {
  const answered = new Map<string, number>()
  let next = 0
  const writer = async () => {
    while (next < count) {
      const i = next++
      const [row] = await call<Array<{ id: string }>>(url, '/rest/v1/contacts', token, {
        name: `${label} ${i}`,
      })
      if (!row) throw new Error('POST /rest/v1/contacts returned no row')
      answered.set(row.id, performance.now())
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, writer))
  return answered
}

const timeoutMs = (deliveries: number) => 30_000 + deliveries * 100

async function webhookRound(rec: Recorder, api: Child, token: string, owner: string, round: number) {
  const { url } = api
  rec.clear()
  const total = EVENTS * ENDPOINTS
  const cpuBefore = cpuSeconds(api.process.pid)
  const started = performance.now()
  const answered = await writeContacts(url, token, EVENTS, `Round ${round} contact`)
  const written = performance.now()
  await rec.waitFor(total, timeoutMs(total))
  const latencies: number[] = []
  let last = 0
  for (const r of rec.receipts.values()) {
    const at = r.dataId === null ? undefined : answered.get(r.dataId)
    if (at === undefined)
      throw new Error(`a delivery to ${r.path} names no contact of this round (${r.dataId})`)
    latencies.push(r.at - at)
    last = Math.max(last, r.at)
  }
  const seconds = (last - started) / 1000
  const cpuAfter = cpuSeconds(api.process.pid)
  // The round's deliveries are the newest `total` rows of the log (the raw loop writes none).
  const logged = await fetch(
    `${url}/rest/v1/webhook_deliveries?select=duration_ms&order=created_at.desc&limit=${total}`,
    {
      headers: { Authorization: `Bearer ${owner}` },
    },
  )
  if (!logged.ok) throw new Error(`GET webhook_deliveries answered ${logged.status}: ${await logged.text()}`)
  const sends = ((await logged.json()) as Array<{ duration_ms: number }>).map((d) => d.duration_ms)
  return {
    deliveries: total,
    seconds,
    perSecond: total / seconds,
    latencyMs: distribution(latencies),
    writeSeconds: (written - started) / 1000,
    duplicates: rec.duplicates(),
    hostCpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / seconds,
    sendMs: distribution(sends),
    jobMs: (IN_FLIGHT * seconds * 1000) / total,
  }
}

/** Runs the raw loop in a child process, so that sender and receiver are two processes as with the host. */
function rawChild(
  env: Record<string, string>,
): Promise<{ startEpochMs: number; failures: number; latencyMs: Distribution }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [tsx, 'bench/baselines/raw-post.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.once('exit', (code, signal) => {
      running.delete(child)
      if (code !== 0) return reject(new Error(`raw-post exited ${code ?? signal}:\n${stderr}`))
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''))
      } catch {
        reject(new Error(`raw-post printed no result:\n${stdout}${stderr}`))
      }
    })
  })
}

async function rawRound(rec: Recorder, endpointUrls: string[]) {
  rec.clear()
  const total = EVENTS * ENDPOINTS
  const warm = WARMUP * ENDPOINTS
  const result = await rawChild({
    BENCH_URLS: endpointUrls.join(','),
    BENCH_ORIGIN: rec.url,
    BENCH_COUNT: String(total),
    BENCH_CONCURRENCY: String(IN_FLIGHT),
    BENCH_WARMUP: String(warm),
  })
  if (result.failures > 0) throw new Error(`raw loop: ${result.failures} of ${total} POSTs failed`)
  await rec.waitFor(total + warm, timeoutMs(total))
  let last = 0
  for (const r of rec.receipts.values()) if (r.path !== '/warm') last = Math.max(last, r.at)
  const seconds = (performance.timeOrigin + last - result.startEpochMs) / 1000
  return { deliveries: total, seconds, perSecond: total / seconds, latencyMs: result.latencyMs }
}

try {
  recorder = await startRecorder()
  // As `npm start` runs it: tsx, demo mode (which allows http://127.0.0.1 endpoints), its own data folder.
  const api = await startChild('node host', node, [tsx, 'packages/api/src/hosts/node.ts'], {
    port: await freePort(),
    env: { CG_MODE: 'demo', DATA_DIR: dataDir },
  })
  children.push(api)
  const owner = await session(api.url, 'owner')
  const agent = await session(api.url, 'agent')
  const endpointUrls = Array.from({ length: ENDPOINTS }, (_, i) => `${recorder?.url}/e${i}`)
  for (const url of endpointUrls) {
    await call(api.url, '/rest/v1/webhook_configurations', owner, { url, events: ['contact.created'] })
  }
  if (WARMUP > 0) {
    await writeContacts(api.url, agent, WARMUP, 'Warm-up contact')
    await recorder.waitFor(WARMUP * ENDPOINTS, timeoutMs(WARMUP * ENDPOINTS))
  }

  const rounds: WebhooksResults['rounds'] = { webhooks: [], raw: [] }
  let bestHooks: WebhooksResults['webhooks'] | undefined
  let bestRaw: WebhooksResults['raw'] | undefined
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side runs first, so that neither always meets a machine that drifts the same way.
    const order = round % 2 === 0 ? (['webhooks', 'raw'] as const) : (['raw', 'webhooks'] as const)
    for (const side of order) {
      if (interrupted) throw new Error('interrupted')
      if (side === 'webhooks') {
        const r = await webhookRound(recorder, api, agent, owner, round)
        rounds.webhooks.push(r.perSecond)
        if (!bestHooks || r.perSecond > bestHooks.perSecond) bestHooks = r
      } else {
        const r = await rawRound(recorder, endpointUrls)
        rounds.raw.push(r.perSecond)
        if (!bestRaw || r.perSecond > bestRaw.perSecond) bestRaw = r
      }
    }
  }
  if (interrupted) throw new Error('interrupted')
  if (!bestHooks || !bestRaw) throw new Error('no round ran')

  const results: WebhooksResults = {
    name: 'webhooks',
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      events: EVENTS,
      endpoints: ENDPOINTS,
      writers: WRITERS,
      inFlight: IN_FLIGHT,
      rounds: ROUNDS,
      smoke,
    },
    webhooks: bestHooks,
    raw: bestRaw,
    ratio: bestHooks.perSecond / bestRaw.perSecond,
    rounds,
  }
  const l = bestHooks.latencyMs
  console.log(
    `webhooks ${EVENTS}×${ENDPOINTS}  ${Math.round(bestHooks.perSecond)}/s  ·  raw ${Math.round(bestRaw.perSecond)}/s  ·  ` +
      `${results.ratio.toFixed(2)}× raw  ·  event→receipt p50 ${l.p50.toFixed(0)} p90 ${l.p90.toFixed(0)} ` +
      `p99 ${l.p99.toFixed(0)} max ${l.max.toFixed(0)} ms  ·  job ${bestHooks.jobMs.toFixed(0)} ms, send p50 ${bestHooks.sendMs.p50} ms`,
  )
  writeFileSync(join(out, 'webhooks.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(`wrote ${join(out, 'webhooks.json')}`)
} catch (err) {
  if (!interrupted) throw err
} finally {
  await stopAll()
}
