// A service worker that does nothing, for push-platform.test.ts: registering and activating a real one.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()))
