// Assembles .site/: the vanilla demo page plus the built element under /elements/ and Scalar's API reference
// script under /docs/scalar/ (from the installed @scalar/api-reference), for the Worker's static assets (the Node
// host serves the same files from their own folders), and `_headers`, which gives those files the Cache-Control
// the Node host gives them (packages/api/src/hosts/compressed-assets.ts): hashed chunks for a year, the rest for
// five minutes, then revalidated by its ETag. Cloudflare compresses them at the edge; `_headers` is not served.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

rmSync('.site', { recursive: true, force: true })
mkdirSync('.site', { recursive: true })
for (const file of ['index.html', 'demo.js', 'demo.css']) cpSync(`examples/vanilla/${file}`, `.site/${file}`)
cpSync('packages/elements/dist', '.site/elements', {
  recursive: true,
  filter: (src) => !src.includes('/.vite'),
})
// The path is DOCS_BUNDLE in packages/api/src/assets.ts.
const scalar = createRequire(import.meta.resolve('@connectgain/api')).resolve(
  '@scalar/api-reference/browser/standalone.js',
)
mkdirSync('.site/docs/scalar', { recursive: true })
cpSync(scalar, '.site/docs/scalar/standalone.js')
writeFileSync(
  '.site/_headers',
  `/elements/chunks/*.js
  SourceMap: /elements/chunks/:splat.js.map
/elements/chunks/*
  Cache-Control: public, max-age=31536000, immutable
/elements/cg-settings.js
  Cache-Control: public, max-age=300
  SourceMap: /elements/cg-settings.js.map
/elements/cg-settings.js.map
  Cache-Control: public, max-age=300
/docs/scalar/*
  Cache-Control: public, max-age=300
`,
)
