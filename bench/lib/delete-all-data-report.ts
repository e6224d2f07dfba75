/**
 * @module The delete-all-data section of results/README.md, from results/delete-all-data.json (report.ts puts it
 * after the webhooks section).
 */
import type { DeleteAllDataResults } from '../delete-all-data.ts'

const ms = (n: number) => n.toFixed(0)

export function deleteAllDataMarkdown(r: DeleteAllDataResults): string {
  const { rowsPerOrg, rounds, tables } = r.settings
  const split = Object.entries(tables)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')
  return [
    `### Delete all data (${r.date.slice(0, 10)}, ${r.machine.cores} × ${r.machine.cpu}, Node ${r.machine.node})`,
    '',
    `\`npx tsx bench/delete-all-data.ts\` (\`--smoke\`: 1,000 rows per org, one round). Two orgs of ${rowsPerOrg} domain rows`,
    `each, their rows interleaved on every page, in one libSQL file of ${r.database.megabytes.toFixed(0)} MB seeded once`,
    `(${r.database.seedSeconds.toFixed(1)} s) and copied for every run. Rows per org: ${split}.`,
    'The product: one `POST /functions/v1/delete-all-data` with an owner of org A to the Node host (demo mode) on',
    "the copy, from request to answer. Raw: the same tables' `DELETE … WHERE org_id = ?`, children first, as one",
    "batch (one transaction) of the same client (`openDb`) in the benchmark's process. Median of",
    `${rounds} alternating runs of each; after every run org A has no rows left and org B all of its ${rowsPerOrg}.`,
    '',
    '| deletes | rows | median ms | raw ÷ this | every run, ms |',
    '| --- | ---: | ---: | ---: | --- |',
    `| \`POST /functions/v1/delete-all-data\` (Node host) | ${rowsPerOrg} | ${ms(r.product.medianMs)} | ${r.ratio.toFixed(2)} | ${r.product.runsMs.map(ms).join(', ')} |`,
    `| raw \`DELETE\` per table, one transaction | ${rowsPerOrg} | ${ms(r.raw.medianMs)} | 1.00 | ${r.raw.runsMs.map(ms).join(', ')} |`,
    '',
    `The goal is ≥ 0.5 (the product no slower than twice raw SQL): ${r.ratio >= 0.5 ? 'met' : 'not met'} in this run.`,
  ].join('\n')
}
