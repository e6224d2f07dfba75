// `npm run docs:roles`: rewrites the role tables in docs/rest-api.md and docs/team.md from the permission matrix.
import { readFileSync, writeFileSync } from 'node:fs'
import { roleTableByResource, roleTableMarkdown } from '../packages/contracts/src/role-table.ts'

for (const [file, table] of [
  ['rest-api.md', roleTableMarkdown()],
  ['team.md', roleTableByResource()],
] as const) {
  const path = new URL(`../docs/${file}`, import.meta.url)
  const doc = readFileSync(path, 'utf8')
  if (!doc.includes('<!-- roles:start -->')) throw new Error(`docs/${file} has no roles markers`)
  writeFileSync(
    path,
    doc.replace(
      /<!-- roles:start -->\n[\s\S]*?<!-- roles:end -->/,
      `<!-- roles:start -->\n${table}\n<!-- roles:end -->`,
    ),
  )
  console.log(`docs/${file}: rewritten`)
}
