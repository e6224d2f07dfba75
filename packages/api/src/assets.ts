/**
 * @module Which static paths the hosts serve: the element bundle and the API reference's script always, the demo
 * page and its service worker in demo mode only.
 */
import type { MiddlewareHandler } from 'hono'

/** `<cg-settings>` and its chunks, for host pages that load the element from the API's origin (Hono paths). */
export const ELEMENT_ROUTES = ['/elements/*'] as const
/**
 * Scalar's API reference (`@scalar/api-reference`'s standalone browser build), which the `/docs` page loads from
 * the API's own origin: no CDN. Node serves it from the installed package, the Worker from `.site/docs/scalar/`
 * (scripts/build-site.js copies it there). Its name stays across upgrades: it is revalidated by its ETag.
 */
export const DOCS_BUNDLE = '/docs/scalar/standalone.js'
/** The vanilla demo page (examples/vanilla). */
export const DEMO_ROUTES = ['/', '/index.html', '/demo.js', '/demo.css'] as const

/**
 * The element's push service worker at the root, where the demo page's `<cg-settings>` registers it (its
 * default `sw-url`, `/cg-sw.js`): a service worker must come from the page's own origin. The file is the element
 * bundle's `cg-sw.js` (packages/elements/dist; /elements/ in the Worker's assets).
 */
export const DEMO_SERVICE_WORKER = {
  path: '/cg-sw.js',
  file: 'cg-sw.js',
  // no-cache: browsers check each time, so a new version of the worker reaches them at once.
  headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' },
} as const

/**
 * Static files a host serves ahead of the API, on their own paths only: as app-wide middleware they would
 * run (and cost) on every API request. A handler calls `next()` when it has no such file.
 */
export interface StaticRoute {
  path: string
  handler: MiddlewareHandler
}
