/**
 * @module The Worker host: the same createApp on workerd, D1 or Turso for data, Cloudflare Queues for jobs.
 * workerd accepts only handlers as exports here: helpers live in the modules this one imports.
 */

import type { ExportedHandler, Fetcher, Queue } from '@cloudflare/workers-types'
import type { JobMessage } from '@connectgain/contracts'
import { openWorkerDb, type WorkerDbEnv } from '@connectgain/db/worker'
import type { MiddlewareHandler } from 'hono'
import { createApp } from '../app.ts'
import { DEMO_ROUTES, ELEMENT_ROUTES, type StaticRoute } from '../assets.ts'
import { type Config, parseConfig } from '../config.ts'
import { systemClock } from '../deps.ts'
import { ApiError } from '../errors.ts'
import {
  CloudflareQueue,
  consumeJobs,
  DEAD_LETTER_QUEUE,
  recordDeadLetters,
} from '../jobs/cloudflare-queue.ts'
import { pruneFailures } from '../jobs/failures.ts'
import { jobHandlers } from '../jobs/handlers.ts'
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

interface Host {
  ctx: JobContext
  app: ReturnType<typeof createApp>
  /** Demo data, seeded once per isolate on first use. */
  ready: Promise<unknown>
}

let cached: { env: Env; host: Host | { errors: string[] } } | undefined

/** Builds the app once per isolate (env is stable within one); a bad configuration is kept as errors. */
function hostFor(env: Env): Host | { errors: string[] } {
  if (cached?.env === env) return cached.host
  const parsed = parseConfig(env as unknown as Record<string, string | undefined>)
  const host = parsed.ok ? build(env, parsed.config) : { errors: parsed.errors }
  cached = { env, host }
  return host
}

function build(env: Env, config: Config): Host {
  const ctx: JobContext = { db: openWorkerDb(env), clock: systemClock, config }
  const app = createApp(
    { ...ctx, queue: new CloudflareQueue(env.JOBS, ctx), hashing: nodeHashing },
    { assets: workerAssets(env, config) },
  )
  const ready =
    config.CG_MODE === 'demo' ? seedDemo(ctx.db, ctx.clock, config.DEMO_API_KEY) : Promise.resolve()
  return { ctx, app, ready }
}

/** The same files the Node host serves: the element bundle always, the demo page in demo mode. */
function workerAssets(env: Env, config: Config): StaticRoute[] {
  const assets = env.ASSETS
  if (!assets) return []
  const handler: MiddlewareHandler = async (c, next) => {
    if (!['GET', 'HEAD'].includes(c.req.method)) return next()
    const res = await assets.fetch(c.req.raw as never)
    // A fetched response's headers are immutable: copy it so that CORS can add its headers.
    return res.status === 404 ? next() : new Response(res.body as never, res as unknown as Response)
  }
  const paths = config.CG_MODE === 'demo' ? [...ELEMENT_ROUTES, ...DEMO_ROUTES] : ELEMENT_ROUTES
  return paths.map((path) => ({ path, handler }))
}

/** A 500 in the error envelope for a Worker that cannot serve: bad variables, or an unmigrated database. */
function startupError(message: string, details: string[], hint: string): Response {
  return Response.json(new ApiError('CG500', message, { details, hint }).toJSON(), { status: 500 })
}

export default {
  async fetch(request, env) {
    const host = hostFor(env)
    if ('errors' in host) {
      const hint = 'Set the variables with `wrangler secret put NAME` (see docs/deploy.md)'
      return startupError('The server is misconfigured', host.errors, hint) as never
    }
    try {
      await host.ready
    } catch (err) {
      cached = undefined // try again on the next request
      const hint = 'Apply the migrations: `npm run dev:worker` does it locally, `npm run deploy` remotely'
      return startupError('Seeding the demo data failed', [(err as Error).message], hint) as never
    }
    return host.app.fetch(request as unknown as Request) as never
  },

  async queue(batch, env) {
    const host = hostFor(env)
    if ('errors' in host) throw new Error(`misconfigured: ${host.errors.join('; ')}`) // the batch is retried
    if (batch.queue === DEAD_LETTER_QUEUE) await recordDeadLetters(batch, host.ctx)
    else await consumeJobs(batch, host.ctx, jobHandlers)
  },

  async scheduled(_controller, env) {
    const host = hostFor(env)
    if ('errors' in host) throw new Error(`misconfigured: ${host.errors.join('; ')}`)
    await pruneFailures(host.ctx.db, host.ctx.clock.now())
  },
} satisfies ExportedHandler<Env>
