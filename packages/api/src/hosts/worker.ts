/**
 * @module The Worker host: the same createApp on workerd, D1 or Turso for data, Cloudflare Queues for jobs.
 * workerd accepts only handlers as exports here: helpers live in the modules this one imports.
 */

import type { ExportedHandler } from '@cloudflare/workers-types'
import { housekeeping, jobHandlers } from '../app.ts'
import { ApiError } from '../errors.ts'
import { consumeJobs, DEAD_LETTER_QUEUE, recordDeadLetters } from '../jobs/cloudflare-queue.ts'
import { type Env, forgetHost, hostFor } from './worker-host.ts'

export type { Env } from './worker-host.ts'

/** wrangler.toml's daily trigger (pruning); the other one, each minute, sweeps the outboxes (webhook events, pushes). */
const DAILY = '17 3 * * *'

/** A 500 in the error envelope for a Worker that cannot serve: bad variables, or an unmigrated database. */
function startupError(message: string, details: string[], hint: string): Response {
  return Response.json(new ApiError('CG500', message, { details, hint }).toJSON(), { status: 500 })
}

export default {
  async fetch(request, env, ctx) {
    const host = hostFor(env)
    if ('errors' in host) {
      const hint = 'Set the variables with `wrangler secret put NAME` (see docs/deploy.md)'
      return startupError('The server is misconfigured', host.errors, hint) as never
    }
    try {
      await host.ready
    } catch (err) {
      forgetHost() // try again on the next request
      const hint = 'Apply the migrations: `npm run dev:worker` does it locally, `npm run deploy` remotely'
      return startupError('Seeding the demo data failed', [(err as Error).message], hint) as never
    }
    // The execution context carries waitUntil: API key usage is written after the response.
    return host.app.fetch(request as unknown as Request, env, ctx as never) as never
  },

  async queue(batch, env) {
    const host = hostFor(env)
    if ('errors' in host) throw new Error(`misconfigured: ${host.errors.join('; ')}`) // the batch is retried
    if (batch.queue === DEAD_LETTER_QUEUE) await recordDeadLetters(batch, host.ctx)
    else await consumeJobs(batch, host.ctx, jobHandlers)
  },

  async scheduled(controller, env) {
    const host = hostFor(env)
    if ('errors' in host) throw new Error(`misconfigured: ${host.errors.join('; ')}`)
    if (controller.cron === DAILY) {
      const now = host.ctx.clock.now()
      for (const prune of housekeeping) await prune(host.ctx.db, now)
    } else {
      await host.outbox.kick() // what a crash left between a write's commit and its kick
    }
  },
} satisfies ExportedHandler<Env>
