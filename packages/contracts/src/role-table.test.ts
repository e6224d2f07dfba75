import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { roleTableByResource, roleTableMarkdown } from './role-table.ts'

describe.each([
  ['rest-api.md', roleTableMarkdown],
  ['team.md', roleTableByResource],
])('docs/%s', (file, table) => {
  it('shows the role table the permission matrix generates (npm run docs:roles rewrites it)', () => {
    const doc = readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8')
    const shown = /<!-- roles:start -->\n([\s\S]*?)\n<!-- roles:end -->/.exec(doc)?.[1]
    expect(shown, `the markers <!-- roles:start --> … <!-- roles:end --> in docs/${file}`).toBeDefined()
    expect(shown).toBe(table())
  })
})
