/** @module What the Node host serves besides the API: the element bundle always, the vanilla demo in demo mode. */
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import { DEMO_PATHS, ELEMENT_PATHS } from '../assets.ts'

const elementsDist = fileURLToPath(new URL('../../../elements/dist', import.meta.url))
const demoPage = fileURLToPath(new URL('../../../../examples/vanilla', import.meta.url))

/** Serves `serve` for the paths `match` accepts; other requests go on to the API. */
const only =
  (match: RegExp, serve: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    match.test(c.req.path) ? serve(c, next) : next()

export function staticAssets(mode: 'demo' | 'production'): MiddlewareHandler[] {
  // Host pages may load <cg-settings> from the API's origin: /elements/cg-settings.js and its chunks.
  const elements = only(
    ELEMENT_PATHS,
    serveStatic({ root: elementsDist, rewriteRequestPath: (path) => path.replace(/^\/elements/, '') }),
  )
  if (mode !== 'demo') return [elements]
  return [elements, only(DEMO_PATHS, serveStatic({ root: demoPage }))]
}
