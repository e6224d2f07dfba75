/**
 * @module The entry of `cg-sw.js`, the push service worker shipped beside the element: built as one classic
 * script (vite.config.ts), so that it registers without `{ type: 'module' }` and works in `importScripts`.
 */
import { listen, type WorkerScope } from './handlers.ts'

listen(self as unknown as WorkerScope)
