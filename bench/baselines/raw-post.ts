/**
 * @module The webhook baseline: BENCH_COUNT signed JSON POSTs to the receiver's endpoints in turn, BENCH_CONCURRENCY
 * in flight (the queue's batch size), with Node's fetch like the host, and nothing else: no queue, no database.
 * Prints one JSON line: when the measured POSTs started (epoch ms) and their round-trip percentiles.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { distribution } from '../lib/stats.ts'

const urls = (process.env.BENCH_URLS ?? '').split(',').filter(Boolean)
const count = Number(process.env.BENCH_COUNT)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10)
const warmup = Number(process.env.BENCH_WARMUP ?? 0)
const origin = process.env.BENCH_ORIGIN ?? ''
if (urls.length === 0 || !(count > 0) || !origin) {
  console.error('raw-post: BENCH_URLS, BENCH_COUNT and BENCH_ORIGIN are required')
  process.exit(2)
}
const key = randomBytes(32)

/** What a delivery of `contact.created` carries: the body, signed as Standard Webhooks signs it. */
async function post(url: string, id: string, n: number): Promise<boolean> {
  const now = new Date()
  const timestamp = String(Math.floor(now.getTime() / 1000))
  const body = JSON.stringify({
    type: 'contact.created',
    timestamp: now.toISOString(),
    data: {
      id: `con_raw${n}`,
      org_id: 'org_benchmark',
      name: `Contact ${n}`,
      email: null,
      phone: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    },
  })
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'ConnectGain-Webhooks/1.0',
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${signature}`,
    },
    body,
    redirect: 'manual',
  })
  await res.arrayBuffer()
  return res.ok
}

/** `total` POSTs, `concurrency` at a time; returns each one's round trip in ms and how many failed. */
async function loop(total: number, target: (i: number) => string, prefix: string) {
  const latencies: number[] = []
  let failures = 0
  let next = 0
  const worker = async () => {
    while (next < total) {
      const i = next++
      const started = performance.now()
      const ok = await post(target(i), `${prefix}${i}`, i).catch(() => false)
      latencies.push(performance.now() - started)
      if (!ok) failures++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { latencies, failures }
}

if (warmup > 0) await loop(warmup, () => `${origin}/warm`, 'msg_warm')
const startEpochMs = performance.timeOrigin + performance.now()
const { latencies, failures } = await loop(count, (i) => urls[i % urls.length] as string, 'msg_raw')
console.log(JSON.stringify({ startEpochMs, failures, latencyMs: distribution(latencies) }))
