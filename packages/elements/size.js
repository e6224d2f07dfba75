// `npm run size`: gzip sizes of the initial chunk (what every host page pays) and of each tab chunk.
// Fails when the initial JavaScript exceeds the budget.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 25
const meta = JSON.parse(readFileSync('dist/meta.json', 'utf8'))
const outputs = meta.outputs
const kb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024

/** A file and every chunk it imports statically: what loads before anything lazy. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') closure(imp.path, seen)
  return seen
}

const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'src/index.ts')
const initial = closure(entry)
const initialKb = [...initial].reduce((sum, f) => sum + kb(f), 0)

const rows = [['initial (cg-settings.js + static imports)', initialKb]]
for (const [file, out] of Object.entries(outputs)) {
  if (!file.endsWith('.js') || initial.has(file)) continue
  const lazy = [...closure(file)].filter((f) => !initial.has(f))
  const source =
    out.entryPoint ?? Object.keys(out.inputs).find((i) => i.startsWith('src/tabs/')) ?? 'shared chunk'
  rows.push([
    `${file.replace('dist/', '')}  (${source}; with its imports ${lazy.reduce((s, f) => s + kb(f), 0).toFixed(1)} KB)`,
    kb(file),
  ])
}
for (const [name, size] of rows) console.log(`${size.toFixed(1).padStart(7)} KB gzip  ${name}`)
if (initialKb > BUDGET_KB) {
  console.error(`\nThe initial chunk is ${initialKb.toFixed(1)} KB gzip: over the ${BUDGET_KB} KB budget.`)
  process.exit(1)
}
console.log(`\nInitial chunk within budget: ${initialKb.toFixed(1)} / ${BUDGET_KB} KB gzip.`)
