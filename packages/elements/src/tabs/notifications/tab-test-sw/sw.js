// A service worker that does nothing, for notifications-tab.test.ts, in a folder (a scope) of its own: push-platform.test.ts,
// maybe running in a page beside it, registers and drops its own worker without touching this one.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()))
