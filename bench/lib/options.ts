/** @module Command-line options shared by the benchmarks: `--smoke` (tiny sizes) and `--out DIR`. */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface BenchOptions {
  /** A tiny run that only proves the benchmark still works; its numbers mean nothing. */
  smoke: boolean
  /** Where results/<name>.json go: bench/results, or a temp folder for a smoke run. */
  out: string
}

export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  const smoke = argv.includes('--smoke')
  const given = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined
  const out = resolve(given ?? (smoke ? join(tmpdir(), 'cg-bench-smoke') : 'bench/results'))
  mkdirSync(out, { recursive: true })
  return { smoke, out }
}
