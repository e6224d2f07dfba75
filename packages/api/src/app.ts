/** @module createApp(deps): the whole API as one Hono app; hosts only wire ports. */
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { requestId } from 'hono/request-id'
import type { Deps } from './deps.ts'
import { ApiError } from './errors.ts'
import { functionsFor } from './functions/index.ts'
import { functionRoutes } from './functions/routes.ts'
import { authenticate } from './middleware/auth.ts'
import { MAX_BODY_BYTES } from './middleware/body.ts'
import { onError } from './middleware/errors.ts'
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
  assets?: MiddlewareHandler[]
}

export function createApp(
  deps: Deps,
  { registry = defaultRegistry, assets = [] }: AppOptions = {},
): Hono<AppEnv> {
  const functions = functionsFor(deps.config.CG_MODE)
  const openapi = buildOpenApi({ registry, functions })
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(
    cors({
      // Bearer tokens, never cookies: any host page may embed the element.
      origin: '*',
      allowHeaders: ['Authorization', 'apikey', 'Content-Type', 'Prefer', 'Range', 'Accept', 'X-Client-Info'],
      allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Content-Range', 'Preference-Applied', 'X-Request-Id', 'WWW-Authenticate'],
      maxAge: 600,
    }),
  )
  app.use(async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('CG413', 'Request body is larger than 1 MB', { hint: 'Split the request' })
      },
    }),
  )

  for (const middleware of assets) app.use(middleware)
  app.get('/', (c) => c.html(placeholderPage(deps.config.CG_MODE)))
  app.get('/health', (c) => c.json({ ok: true }))
  app.get('/openapi.json', (c) => c.json(openapi))
  app.get('/docs', (c) => c.html(renderDocsPage(openapi)))
  app.use('/rest/v1/*', authenticate)
  app.use('/functions/v1/*', authenticate)
  app.route('/rest/v1', restRoutes(registry))
  app.route('/functions/v1', functionRoutes(functions))

  app.notFound(() => {
    throw new ApiError('CG404', 'Not found', { hint: 'See /docs for the API reference' })
  })
  app.onError(onError)
  return app
}
