// Assembles .site/: the vanilla demo page plus the built element under /elements/, for the Worker's
// static assets (the Node host serves the same files from their own folders).
import { cpSync, mkdirSync, rmSync } from 'node:fs'

rmSync('.site', { recursive: true, force: true })
mkdirSync('.site', { recursive: true })
for (const file of ['index.html', 'demo.js', 'demo.css']) cpSync(`examples/vanilla/${file}`, `.site/${file}`)
cpSync('packages/elements/dist', '.site/elements', {
  recursive: true,
  filter: (src) => !src.includes('/.vite'),
})
