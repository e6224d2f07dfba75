/**
 * @module createApp(deps): the whole API as one Hono app; hosts only wire ports. This is where the features are
 * composed: the generic core (rest/, functions/, jobs/, middleware/, config.ts) knows none of them by name.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { StaticRoute } from './assets.ts'
import { type ConfigResult, configSchema, parseConfigWith } from './config.ts'
import type { Deps } from './deps.ts'
import { ApiError } from './errors.ts'
import type { Feature } from './feature.ts'
import { apiKeyCredentials, apiKeysFeature, KeyUsage, WindowRateLimiter } from './features/api-keys/index.ts'
import type { RateLimiter } from './features/api-keys/rate-limit.ts'
import { auditFeature } from './features/audit/index.ts'
import { channelsFeature } from './features/channels/index.ts'
import { domainFeature } from './features/domain/index.ts'
import { emailBoxesFeature } from './features/email-boxes/index.ts'
import { lifecycleStagesFeature } from './features/lifecycle-stages/index.ts'
import { pushFeature } from './features/push/index.ts'
import { sessionsFeature } from './features/sessions/index.ts'
import { settingsFeature } from './features/settings/index.ts'
import { sidebarMenuFeature } from './features/sidebar-menu/index.ts'
import { teamFeature } from './features/team/index.ts'
import { templatesFeature } from './features/templates/index.ts'
import { webhooksFeature } from './features/webhooks/index.ts'
import type { FunctionDef } from './functions/registry.ts'
import { reorderFunction } from './functions/reorder.ts'
import { functionRoutes } from './functions/routes.ts'
import { Dispatcher, type OutboxRound } from './jobs/dispatcher.ts'
import { pruneFailures } from './jobs/failures.ts'
import type { JobHandlers } from './jobs/job.ts'
import { authenticate } from './middleware/auth.ts'
import { limitBody } from './middleware/body-limit.ts'
import { cors } from './middleware/cors.ts'
import { onError } from './middleware/errors.ts'
import { idempotency, pruneIdempotencyKeys } from './middleware/idempotency.ts'
import { requestId } from './middleware/request-id.ts'
import { buildOpenApi } from './openapi/openapi.ts'
import { referencePage } from './openapi/reference-page.ts'
import { placeholderPage } from './placeholder-page.ts'
import { createRegistry, type Registry } from './rest/registry.ts'
import { restRoutes } from './rest/routes.ts'
import type { AppEnv } from './types.ts'

/** Every feature, in the order the reference lists them. */
export const features: readonly Feature[] = [
  sessionsFeature,
  settingsFeature,
  teamFeature,
  sidebarMenuFeature,
  lifecycleStagesFeature,
  auditFeature,
  apiKeysFeature,
  domainFeature,
  templatesFeature,
  channelsFeature,
  emailBoxesFeature,
  pushFeature,
  webhooksFeature,
]

/** Every resource, and the row hooks every resource's writes run. */
export const registry: Registry = createRegistry(
  features.flatMap((f) => f.resources ?? []),
  features.flatMap((f) => f.writeHooks ?? []),
)
/** The kit's own functions, then every feature's. */
export const allFunctions: readonly FunctionDef[] = [
  reorderFunction,
  ...features.flatMap((f) => f.functions ?? []),
]
export const jobHandlers: JobHandlers = Object.assign({}, ...features.map((f) => f.jobs ?? {}))
export const outboxes: readonly OutboxRound[] = features.flatMap((f) => f.outboxes ?? [])
/** What the hosts run periodically: the job failure record's and the idempotency keys' pruning, and every feature's. */
export const housekeeping = [
  pruneFailures,
  pruneIdempotencyKeys,
  ...features.flatMap((f) => f.housekeeping ?? []),
]

const configRules = {
  schema: configSchema(features.flatMap((f) => (f.config ? [f.config] : []))),
  checks: features.flatMap((f) => (f.checkConfig ? [f.checkConfig] : [])),
}
export const ConfigSchema = configRules.schema

/** Parses every variable the core and the features read; every problem names its variable. */
export const parseConfig = (env: Record<string, string | undefined>): ConfigResult =>
  parseConfigWith(configRules, env)

/** The functions a mode serves: demo-only ones do not exist in production. */
export const functionsFor = (mode: 'demo' | 'production') =>
  allFunctions.filter((f) => mode === 'demo' || !f.demoOnly)

export interface AppOptions {
  /** The resources to serve; every feature's by default (tests pass their own). */
  registry?: Registry
  /** Static files the host serves ahead of the API (the element bundle, the demo page); they fall through when absent. */
  assets?: StaticRoute[]
  /** Where API key use is counted; one per app unless the host passes its own (to flush it on shutdown). */
  keyUsage?: KeyUsage
  /** Where API key requests are counted against their limit; in memory per app unless the host passes one. */
  rateLimiter?: RateLimiter
}

export function createApp(
  deps: Deps,
  { registry: served = registry, assets = [], keyUsage, rateLimiter }: AppOptions = {},
): Hono<AppEnv> {
  const functions = functionsFor(deps.config.CG_MODE)
  const openapi = buildOpenApi({ registry: served, functions })
  const app = new Hono<AppEnv>()

  app.use(requestId)
  app.use(
    // Bearer tokens, never cookies: any host page may embed the element.
    cors({
      allowHeaders: [
        'Authorization',
        'apikey',
        'Content-Type',
        'Prefer',
        'Range',
        'Accept',
        'X-Client-Info',
        'Idempotency-Key',
      ],
      allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: [
        'Content-Range',
        'Preference-Applied',
        'X-Request-Id',
        'WWW-Authenticate',
        'RateLimit',
        'RateLimit-Policy',
        'Retry-After',
        'Idempotent-Replayed',
      ],
      maxAge: 600,
    }),
  )
  // Only where they are needed: every middleware costs each request it runs for (GET /health included).
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', limitBody)
  // One dispatcher per app unless the host brings its own (to run it on a timer too).
  const appDeps: Deps = {
    ...deps,
    outbox: deps.outbox ?? new Dispatcher(deps.db, deps.clock, deps.queue, outboxes),
  }
  const withDeps: MiddlewareHandler<AppEnv> = (c, next) => {
    c.set('deps', appDeps)
    return next()
  }

  for (const { path, handler } of assets) app.use(path, handler)
  app.get('/', (c) => c.html(placeholderPage(deps.config.CG_MODE)))
  app.get('/health', (c) => c.json({ ok: true }))
  // The server is wherever the document was fetched from: clients and the Redocly rules need one.
  app.get('/openapi.json', (c) => c.json({ ...openapi, servers: [{ url: new URL(c.req.url).origin }] }))
  // Scalar's reference over /openapi.json; the hosts serve its script (DOCS_BUNDLE) from the installed package.
  const docs = referencePage(openapi.info.title)
  app.get('/docs', (c) => c.html(docs))
  const auth = authenticate([
    apiKeyCredentials({
      usage: keyUsage ?? new KeyUsage(deps.db),
      limiter: rateLimiter ?? new WindowRateLimiter(),
    }),
  ])
  // A feature's own public routes prove their callers themselves (a provider's signature): ahead of authentication.
  for (const { path, routes } of features.flatMap((f) => f.routes ?? [])) {
    app.use(`${path}/*`, withDeps)
    app.route(path, routes(served))
  }
  app.use('/rest/v1/*', withDeps, auth)
  app.use('/functions/v1/*', withDeps, auth)
  // After auth: a key is scoped to the caller.
  app.on('POST', ['/rest/v1/*', '/functions/v1/*'], idempotency)
  app.route('/rest/v1', restRoutes(served))
  app.route('/functions/v1', functionRoutes(functions, served))

  // Answered, not thrown: Hono calls notFound outside the middleware's error handling, so a throw here would
  // skip what middleware adds after next() (the CORS headers).
  app.notFound((c) =>
    onError(new ApiError('CG404', 'Not found', { hint: 'See /docs for the API reference' }), c),
  )
  app.onError(onError)
  return app
}
