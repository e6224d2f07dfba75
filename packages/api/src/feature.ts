/**
 * @module What a feature adds to the app. Each feature is one folder whose index.ts exports one `Feature`; app.ts
 * composes them, and the generic core (rest/, jobs/, middleware/, functions/, config.ts) reads only these lists.
 */
import type { Db } from '@connectgain/db'
import type { Hono } from 'hono'
import type { z } from 'zod'
import type { Config } from './config.ts'
import type { FunctionDef } from './functions/registry.ts'
import type { OutboxRound } from './jobs/dispatcher.ts'
import type { JobHandlers } from './jobs/job.ts'
import type { Registry, Resource, RowHook } from './rest/registry.ts'
import type { AppEnv } from './types.ts'

/**
 * Routes of a feature's own beside REST and the functions, mounted at `path` ahead of authentication: each proves
 * its callers by what it holds (a provider's signature, a channel's token). Built with the registry the app serves,
 * so that what they write goes through its commit path.
 */
export interface FeatureRoutes {
  path: string
  routes: (registry: Registry) => Hono<AppEnv>
}

export interface Feature {
  name: string
  /** REST resources, `/rest/v1/{name}`. */
  resources?: readonly Resource[]
  /** Functions, `/functions/v1/{name}`. */
  functions?: readonly FunctionDef[]
  /** Public routes that check their own credentials (a channel's inbound URL). */
  routes?: readonly FeatureRoutes[]
  /** Row hooks every resource's writes run (the audit log). */
  writeHooks?: readonly RowHook[]
  /** Job handlers by kind, run by both hosts' queues. */
  jobs?: JobHandlers
  /** Outboxes the dispatcher turns into jobs after writes and on the hosts' sweep. */
  outboxes?: readonly OutboxRound[]
  /** The feature's configuration variables, validated with the rest at start. */
  config?: z.ZodRawShape
  /** Problems with the configuration that the schema cannot see alone (what production requires). */
  checkConfig?: (config: Config) => string[]
  /** Periodic clean-up (hourly on Node, daily on the Worker): pruning logs past their retention. */
  housekeeping?: readonly ((db: Db, now: Date) => Promise<unknown>)[]
}
