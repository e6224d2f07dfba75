/** @module Which static paths the hosts serve: the element bundle always, the demo page in demo mode only. */
import type { MiddlewareHandler } from 'hono'

/** `<cg-settings>` and its chunks, for host pages that load the element from the API's origin (Hono paths). */
export const ELEMENT_ROUTES = ['/elements/*'] as const
/** The vanilla demo page (examples/vanilla). */
export const DEMO_ROUTES = ['/', '/index.html', '/demo.js', '/demo.css'] as const

/**
 * Static files a host serves ahead of the API, on their own paths only: as app-wide middleware they would
 * run (and cost) on every API request. A handler calls `next()` when it has no such file.
 */
export interface StaticRoute {
  path: string
  handler: MiddlewareHandler
}
