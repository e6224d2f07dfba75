/**
 * @module The Worker host's app, built once per isolate from its env: D1 or Turso for data, Cloudflare Queues for
 * jobs, the element's assets. worker.ts holds the handlers (workerd accepts only handlers as its exports).
 */
import type { Fetcher, Queue } from '@cloudflare/workers-types'
import type { JobMessage } from '@connectgain/contracts'
import { openWorkerDb, type WorkerDbEnv } from '@connectgain/db/worker'
import type { MiddlewareHandler } from 'hono'
import { createApp, outboxes, parseConfig } from '../app.ts'
import { DEMO_ROUTES, DEMO_SERVICE_WORKER, DOCS_BUNDLE, ELEMENT_ROUTES, type StaticRoute } from '../assets.ts'
import { type Clock, systemClock } from '../clock.ts'
import type { Config } from '../config.ts'
import { CloudflareQueue } from '../jobs/cloudflare-queue.ts'
import { Dispatcher } from '../jobs/dispatcher.ts'
import type { JobContext } from '../jobs/job.ts'
import { seedDemo } from '../seed.ts'
import { nodeHashing } from './node-hashing.ts'

export interface Env extends WorkerDbEnv {
  JOBS: Queue<JobMessage>
  ASSETS?: Fetcher
  CG_MODE?: string
  SESSION_SECRET?: string
  ENCRYPTION_KEY?: string
  DEMO_API_KEY?: string
}

export interface Host {
  ctx: JobContext
  app: ReturnType<typeof createApp>
  /** The webhook outbox's dispatcher: kicked after writes, and by the cron for what a crash left. */
  outbox: Dispatcher
  /** Demo data, seeded once per isolate on first use. */
  ready: Promise<unknown>
}

let cached: { env: Env; host: Host | { errors: string[] } } | undefined

/** Builds the app once per isolate (env is stable within one); a bad configuration is kept as errors. */
export function hostFor(env: Env): Host | { errors: string[] } {
  if (cached?.env === env) return cached.host
  const parsed = parseConfig(env as unknown as Record<string, string | undefined>)
  const host = parsed.ok ? buildWorkerHost(env, parsed.config) : { errors: parsed.errors }
  cached = { env, host }
  return host
}

/** Drops the isolate's host, so that the next request builds it again (after a failed seed). */
export function forgetHost(): void {
  cached = undefined
}

/** The app and job context for `env`; tests pass a clock they can move. */
export function buildWorkerHost(env: Env, config: Config, clock: Clock = systemClock): Host {
  const ctx: JobContext = { db: openWorkerDb(env), clock, config }
  const queue = new CloudflareQueue(env.JOBS, ctx)
  const outbox = new Dispatcher(ctx.db, clock, queue, outboxes)
  const app = createApp(
    { ...ctx, queue, hashing: nodeHashing, outbox },
    { assets: workerAssets(env, config) },
  )
  const ready =
    config.CG_MODE === 'demo' ? seedDemo(ctx.db, ctx.clock, config.DEMO_API_KEY) : Promise.resolve()
  return { ctx, app, outbox, ready }
}

/** The same files the Node host serves: the element bundle and the reference's script always, the demo page in demo mode. */
function workerAssets(env: Env, config: Config): StaticRoute[] {
  const assets = env.ASSETS
  if (!assets) return []
  const handler: MiddlewareHandler = async (c, next) => {
    if (!['GET', 'HEAD'].includes(c.req.method)) return next()
    const res = await assets.fetch(c.req.raw as never)
    // A fetched response's headers are immutable: copy it so that CORS can add its headers.
    return res.status === 404 ? next() : new Response(res.body as never, res as unknown as Response)
  }
  const always = [...ELEMENT_ROUTES, DOCS_BUNDLE]
  if (config.CG_MODE !== 'demo') return always.map((path) => ({ path, handler }))
  // The bundle's service worker, from .site/elements/, at the root with its own headers.
  const serviceWorker: MiddlewareHandler = async (c, next) => {
    if (!['GET', 'HEAD'].includes(c.req.method)) return next()
    const file = new URL(`/elements/${DEMO_SERVICE_WORKER.file}`, c.req.url)
    const res = await assets.fetch(file.href, { method: c.req.method, headers: c.req.raw.headers } as never)
    if (res.status === 404) return next()
    const answer = new Response(res.body as never, res as unknown as Response)
    for (const [name, value] of Object.entries(DEMO_SERVICE_WORKER.headers)) answer.headers.set(name, value)
    return answer
  }
  return [
    ...[...always, ...DEMO_ROUTES].map((path) => ({ path, handler })),
    { path: DEMO_SERVICE_WORKER.path, handler: serviceWorker },
  ]
}
