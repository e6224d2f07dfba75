/** @module Renders every results/<name>.json of a benchmark run as the Markdown tables in results/README.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiResults, Target } from './api.ts'
import type { DeleteAllDataResults } from './delete-all-data.ts'
import type { ElementResults } from './elements.ts'
import { deleteAllDataMarkdown } from './lib/delete-all-data-report.ts'
import type { LoadResult } from './lib/load.ts'
import { webhooksMarkdown } from './lib/webhooks-report.ts'
import type { WebhooksResults } from './webhooks.ts'

const fixed = (n: number | undefined, digits = 2) => (n === undefined ? '–' : n.toFixed(digits))
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b

const targetNames: Record<Target, string> = {
  bare: 'bare Hono',
  node: 'Node host',
  sameWork: 'same-work handler',
  worker: 'Worker (wrangler dev)',
}

/** The API tables: one row per scenario and target, each beside bare Hono in the same run. */
export function apiMarkdown(r: ApiResults): string {
  const lines = [
    `### API (${r.date.slice(0, 10)}, ${r.machine.cores} × ${r.machine.cpu}, Node ${r.machine.node})`,
    '',
    `autocannon, ${r.settings.connections} connections, ${r.settings.durationSeconds} s per run, best of ${r.settings.rounds} alternating runs.`,
    '',
    '| request | server | req/s | × bare Hono | × same-work | p50 ms | p99 ms | p99 × bare |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const s of r.scenarios) {
    const bare = s.results.bare
    const limit = s.results.sameWork
    for (const [target, result] of Object.entries(s.results) as [Target, LoadResult][]) {
      lines.push(
        `| ${s.request} | ${targetNames[target]} | ${Math.round(result.rps)} | ${fixed(ratio(result.rps, bare?.rps))} | ${
          target === 'bare' ? '' : fixed(ratio(result.rps, limit?.rps))
        } | ${fixed(result.p50, 1)} | ${fixed(result.p99, 1)} | ${fixed(ratio(result.p99, bare?.p99), 1)} |`,
      )
    }
  }
  if (r.workerSkipped) lines.push('', `The Worker was not measured: ${r.workerSkipped}`)
  return lines.join('\n')
}

/** The element tables: gzip sizes beside the recorded competitors, then the time to the first tab. */
export function elementsMarkdown(r: ElementResults): string {
  const lines = [
    `### Element (${r.date.slice(0, 10)}, Chromium ${r.browser ?? '–'})`,
    '',
    '| what loads | gzip KB |',
    '| --- | ---: |',
    ...r.sizes.map((s) => `| ${s.label} | ${fixed(s.gzipKb, 1)} |`),
    '',
    '| time from `cg-settings:connected` | median ms | × bare Lit |',
    '| --- | ---: | ---: |',
    ...r.timings.map(
      (t) =>
        `| ${t.label} | ${fixed(t.medianMs, 1)} | ${t.baselineMs ? fixed(t.medianMs / t.baselineMs) : ''} |`,
    ),
  ]
  if (r.browserSkipped) lines.push('', `Chromium was not measured: ${r.browserSkipped}`)
  return lines.join('\n')
}

/** Writes results/README.md from whatever results the folder holds. */
export function writeReport(dir: string): string {
  const read = <T>(name: string): T | undefined => {
    const file = join(dir, `${name}.json`)
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined
  }
  const api = read<ApiResults>('api')
  const elements = read<ElementResults>('elements')
  const webhooks = read<WebhooksResults>('webhooks')
  const deleteAllData = read<DeleteAllDataResults>('delete-all-data')
  const sections = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see docs/benchmarks.md for what the numbers mean). Ratios compare runs made in',
    'the same benchmark run on the same machine; absolute numbers do not travel between machines.',
    '',
    ...(api ? [apiMarkdown(api), ''] : []),
    ...(elements ? [elementsMarkdown(elements), ''] : []),
    ...(webhooks ? [webhooksMarkdown(webhooks), ''] : []),
    ...(deleteAllData ? [deleteAllDataMarkdown(deleteAllData), ''] : []),
  ]
  const file = join(dir, 'README.md')
  writeFileSync(file, sections.join('\n'))
  return file
}
