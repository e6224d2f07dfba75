// Assembles .site/: the vanilla demo page plus the built element under /elements/, for the Worker's
// static assets (the Node host serves the same files from their own folders), and `_headers`, which gives
// the element's files the Cache-Control the Node host gives them (packages/api/src/hosts/compressed-assets.ts):
// hashed chunks for a year, the entry for five minutes, then revalidated by its ETag. Cloudflare compresses
// them at the edge; the `_headers` file itself is not served.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'

rmSync('.site', { recursive: true, force: true })
mkdirSync('.site', { recursive: true })
for (const file of ['index.html', 'demo.js', 'demo.css']) cpSync(`examples/vanilla/${file}`, `.site/${file}`)
cpSync('packages/elements/dist', '.site/elements', {
  recursive: true,
  filter: (src) => !src.includes('/.vite'),
})
writeFileSync(
  '.site/_headers',
  `/elements/chunks/*
  Cache-Control: public, max-age=31536000, immutable
/elements/cg-settings.js
  Cache-Control: public, max-age=300
/elements/cg-settings.js.map
  Cache-Control: public, max-age=300
`,
)
