// `npm run size`: gzip sizes of the initial chunk (what every host page pays) and of each lazily
// loaded chunk, from the build's manifest. Fails when the initial JavaScript exceeds the budget.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 25
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'))
const kb = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length / 1024

/** A chunk and every chunk it imports statically: what loads before anything lazy. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen)
  return seen
}
const total = (keys) => [...keys].reduce((sum, key) => sum + kb(manifest[key].file), 0)

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
const initial = closure(entry)
const initialKb = total(initial)
console.log(
  `${initialKb.toFixed(1).padStart(7)} KB gzip  initial: ${[...initial].map((k) => manifest[k].file).join(' + ')}`,
)
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue
  const lazy = [...closure(key)].filter((k) => !initial.has(k))
  console.log(
    `${total(lazy).toFixed(1).padStart(7)} KB gzip  ${key} (${lazy.map((k) => manifest[k].file).join(' + ')})`,
  )
}
if (initialKb > BUDGET_KB) {
  console.error(`\nThe initial chunk is ${initialKb.toFixed(1)} KB gzip: over the ${BUDGET_KB} KB budget.`)
  process.exit(1)
}
console.log(`\nInitial chunk within budget: ${initialKb.toFixed(1)} / ${BUDGET_KB} KB gzip.`)
