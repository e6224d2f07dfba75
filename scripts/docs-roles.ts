// `npm run docs:roles`: rewrites the role table in docs/rest-api.md from the permission matrix.
import { readFileSync, writeFileSync } from 'node:fs'
import { roleTableMarkdown } from '../packages/contracts/src/role-table.ts'

const path = new URL('../docs/rest-api.md', import.meta.url)
const doc = readFileSync(path, 'utf8')
const next = doc.replace(
  /<!-- roles:start -->\n[\s\S]*?<!-- roles:end -->/,
  `<!-- roles:start -->\n${roleTableMarkdown()}\n<!-- roles:end -->`,
)
if (next === doc && !doc.includes('<!-- roles:start -->'))
  throw new Error('docs/rest-api.md has no roles markers')
writeFileSync(path, next)
console.log(roleTableMarkdown())
