/**
 * @module What the Node host serves besides the API: the element bundle and the API reference's script always, the
 * vanilla demo in demo mode.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import { DEMO_ROUTES, DEMO_SERVICE_WORKER, DOCS_BUNDLE, ELEMENT_ROUTES, type StaticRoute } from '../assets.ts'
import { compressedAssets } from './compressed-assets.ts'

const elementsDist = fileURLToPath(new URL('../../../elements/dist', import.meta.url))
const demoPage = fileURLToPath(new URL('../../../../examples/vanilla', import.meta.url))
/** Scalar's standalone build, from the installed package (`standalone.js` in its `dist/browser/`). */
const scalarBundle = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js')

export function staticAssets(mode: 'demo' | 'production'): StaticRoute[] {
  // Host pages may load <cg-settings> from the API's origin: /elements/cg-settings.js and its chunks,
  // gzip or Brotli, the chunks cached for a year, the entry revalidated by its ETag.
  const elements = compressedAssets(elementsDist, '/elements/')
  const routes: StaticRoute[] = ELEMENT_ROUTES.map((path) => ({ path, handler: elements }))
  // The /docs page's script, compressed and revalidated like the element's entry; only this one file of the folder.
  routes.push({
    path: DOCS_BUNDLE,
    handler: compressedAssets(dirname(scalarBundle), `${dirname(DOCS_BUNDLE)}/`),
  })
  if (mode !== 'demo') return routes
  const demo = serveStatic({ root: demoPage })
  return [
    ...routes,
    ...DEMO_ROUTES.map((path) => ({ path, handler: demo })),
    { path: DEMO_SERVICE_WORKER.path, handler: serviceWorker(join(elementsDist, DEMO_SERVICE_WORKER.file)) },
  ]
}

/** The bundle's service worker at the root, read on each request (a rebuild shows at once); absent, the API's 404. */
function serviceWorker(file: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const script = await readFile(file).catch(() => null)
    if (!script) return next()
    const headers = { ...DEMO_SERVICE_WORKER.headers, 'Content-Length': String(script.length) }
    if (c.req.method === 'HEAD') return c.body(null, 200, headers)
    // A Buffer from readFile owns an ArrayBuffer (never a SharedArrayBuffer).
    return c.body(script as Uint8Array<ArrayBuffer>, 200, headers)
  }
}
