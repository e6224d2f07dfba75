/**
 * @module A build plugin for dist/: each lazily imported chunk's own imports load beside it, not after it.
 *
 * Vite's library mode leaves out its preload helper, so `import('./webhooks-tab.js')` fetched the tab, parsed it,
 * and only then asked for the kit and zod it imports: two round trips where one will do. This rewrites each
 * dynamic import of a chunk into one `import()` per chunk it needs (what the importer has not loaded already),
 * started together; modules still run in their import order, and a chunk already loaded costs no request.
 */
import MagicString from 'magic-string'
import type { Plugin } from 'vite'

interface ChunkInfo {
  imports: string[]
}

const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1)

/** `./x.js` seen from `chunks/a.js` → `chunks/x.js` (as text: file names still hold hash placeholders). */
function resolve(from: string, spec: string): string {
  const parts = dirOf(from).split('/').filter(Boolean)
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.') parts.push(part)
  }
  return parts.join('/')
}

/** `chunks/x.js` as `chunks/a.js` imports it; the entry (at the root) reaches chunks/ as `./chunks/x.js`. */
const relative = (from: string, file: string) =>
  file.startsWith(dirOf(from)) ? `./${file.slice(dirOf(from).length)}` : `../${file}`

/** The helper's name in each chunk (the minifier shortens it). */
const LOAD = '__cgLoadTogether'

export function parallelImports(): Plugin {
  return {
    name: 'cg-parallel-imports',
    apply: 'build',
    renderChunk(code, chunk, _options, meta) {
      const chunks = (meta as { chunks: Record<string, ChunkInfo> }).chunks
      const closure = (file: string, seen = new Set<string>()) => {
        if (seen.has(file)) return seen
        seen.add(file)
        for (const imported of chunks[file]?.imports ?? []) closure(imported, seen)
        return seen
      }
      const loaded = closure(chunk.fileName)
      const out = new MagicString(code)
      for (const match of code.matchAll(/\bimport\((["'`])(\.\.?\/[^"'`]+)\1\)/g)) {
        const target = resolve(chunk.fileName, match[2] as string)
        if (!chunks[target]) continue
        const extra = [...closure(target)].filter((file) => file !== target && !loaded.has(file))
        if (!extra.length) continue
        const specs = [target, ...extra].map((file) => JSON.stringify(relative(chunk.fileName, file)))
        out.overwrite(match.index, match.index + match[0].length, `${LOAD}(${specs.join(',')})`)
      }
      if (!out.hasChanged()) return null
      // One helper per chunk: its module namespace, once every chunk it needs has loaded (they load together).
      out.prepend(`const ${LOAD}=(...f)=>Promise.all(f.map((s)=>import(s))).then((m)=>m[0]);\n`)
      return { code: out.toString(), map: out.generateMap({ hires: true }) }
    },
  }
}
