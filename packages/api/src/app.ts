/** @module createApp(deps): the whole API as one Hono app; hosts only wire ports. */
import { Hono, type MiddlewareHandler } from 'hono'
import type { StaticRoute } from './assets.ts'
import { KeyUsage } from './auth/key-usage.ts'
import { WindowRateLimiter } from './auth/rate-limit.ts'
import type { Deps } from './deps.ts'
import { ApiError } from './errors.ts'
import { functionsFor } from './functions/index.ts'
import { functionRoutes } from './functions/routes.ts'
import { Dispatcher } from './jobs/dispatcher.ts'
import { authenticate } from './middleware/auth.ts'
import { limitBody } from './middleware/body-limit.ts'
import { cors } from './middleware/cors.ts'
import { onError } from './middleware/errors.ts'
import { requestId } from './middleware/request-id.ts'
import { renderDocsPage } from './openapi/docs-page.ts'
import { buildOpenApi } from './openapi/openapi.ts'
import { placeholderPage } from './placeholder-page.ts'
import { registry as defaultRegistry } from './resources/index.ts'
import type { Registry } from './rest/registry.ts'
import { restRoutes } from './rest/routes.ts'
import type { AppEnv } from './types.ts'

export interface AppOptions {
  /** The resources to serve; every registered resource by default (tests pass their own). */
  registry?: Registry
  /** Static files the host serves ahead of the API (the element bundle, the demo page); they fall through when absent. */
  assets?: StaticRoute[]
}

export function createApp(
  deps: Deps,
  { registry = defaultRegistry, assets = [] }: AppOptions = {},
): Hono<AppEnv> {
  const functions = functionsFor(deps.config.CG_MODE)
  const openapi = buildOpenApi({ registry, functions })
  const app = new Hono<AppEnv>()

  app.use(requestId)
  app.use(
    // Bearer tokens, never cookies: any host page may embed the element.
    cors({
      allowHeaders: ['Authorization', 'apikey', 'Content-Type', 'Prefer', 'Range', 'Accept', 'X-Client-Info'],
      allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: [
        'Content-Range',
        'Preference-Applied',
        'X-Request-Id',
        'WWW-Authenticate',
        'RateLimit',
        'RateLimit-Policy',
        'Retry-After',
      ],
      maxAge: 600,
    }),
  )
  // Only where they are needed: every middleware costs each request it runs for (GET /health included).
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', limitBody)
  // One dispatcher per app unless the host brings its own (to run it on a timer too).
  const appDeps: Deps = { ...deps, outbox: deps.outbox ?? new Dispatcher(deps.db, deps.clock, deps.queue) }
  const withDeps: MiddlewareHandler<AppEnv> = (c, next) => {
    c.set('deps', appDeps)
    return next()
  }

  for (const { path, handler } of assets) app.use(path, handler)
  app.get('/', (c) => c.html(placeholderPage(deps.config.CG_MODE)))
  app.get('/health', (c) => c.json({ ok: true }))
  // The server is wherever the document was fetched from: clients and the Redocly rules need one.
  app.get('/openapi.json', (c) => c.json({ ...openapi, servers: [{ url: new URL(c.req.url).origin }] }))
  app.get('/docs', (c) => c.html(renderDocsPage(openapi)))
  const auth = authenticate({
    usage: deps.keyUsage ?? new KeyUsage(deps.db),
    limiter: deps.rateLimiter ?? new WindowRateLimiter(),
  })
  app.use('/rest/v1/*', withDeps, auth)
  app.use('/functions/v1/*', withDeps, auth)
  app.route('/rest/v1', restRoutes(registry))
  app.route('/functions/v1', functionRoutes(functions))

  // Answered, not thrown: Hono calls notFound outside the middleware's error handling, so a throw here would
  // skip what middleware adds after next() (the CORS headers).
  app.notFound((c) =>
    onError(new ApiError('CG404', 'Not found', { hint: 'See /docs for the API reference' }), c),
  )
  app.onError(onError)
  return app
}
