import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { roleTableMarkdown } from './role-table.ts'

describe('docs/rest-api.md', () => {
  it('shows the role table the permission matrix generates (npm run docs:roles rewrites it)', () => {
    const doc = readFileSync(new URL('../../../docs/rest-api.md', import.meta.url), 'utf8')
    const table = /<!-- roles:start -->\n([\s\S]*?)\n<!-- roles:end -->/.exec(doc)?.[1]
    expect(table, 'the markers <!-- roles:start --> … <!-- roles:end --> in docs/rest-api.md').toBeDefined()
    expect(table).toBe(roleTableMarkdown())
  })
})
