/**
 * @module `npm run bench` runs every benchmark, one process each, and writes results/<name>.json and the
 * tables in results/README.md; `npm run bench:smoke` runs each at a tiny size into a temp folder, to prove
 * they still work (its numbers mean nothing).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { benchOptions } from './lib/options.ts'
import { writeReport } from './report.ts'

const BENCHMARKS = ['api', 'elements', 'webhooks', 'delete-all-data']

const { smoke, out } = benchOptions()
const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs')
for (const name of BENCHMARKS) {
  console.log(`\n== ${name}${smoke ? ' (smoke)' : ''}`)
  const args = [tsx, join('bench', `${name}.ts`), '--out', out, ...(smoke ? ['--smoke'] : [])]
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' })
  if (run.status !== 0) {
    console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`)
    process.exit(1)
  }
}
console.log(`\nwrote ${writeReport(out)}`)
