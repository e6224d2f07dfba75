/** @module What the Node host serves besides the API: the element bundle always, the vanilla demo in demo mode. */
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { DEMO_ROUTES, ELEMENT_ROUTES, type StaticRoute } from '../assets.ts'
import { compressedAssets } from './compressed-assets.ts'

const elementsDist = fileURLToPath(new URL('../../../elements/dist', import.meta.url))
const demoPage = fileURLToPath(new URL('../../../../examples/vanilla', import.meta.url))

export function staticAssets(mode: 'demo' | 'production'): StaticRoute[] {
  // Host pages may load <cg-settings> from the API's origin: /elements/cg-settings.js and its chunks,
  // gzip or Brotli, the chunks cached for a year, the entry revalidated by its ETag.
  const elements = compressedAssets(elementsDist, '/elements/')
  const routes: StaticRoute[] = ELEMENT_ROUTES.map((path) => ({ path, handler: elements }))
  if (mode !== 'demo') return routes
  const demo = serveStatic({ root: demoPage })
  return [...routes, ...DEMO_ROUTES.map((path) => ({ path, handler: demo }))]
}
