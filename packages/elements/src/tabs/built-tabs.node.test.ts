import { readFileSync } from 'node:fs'
import { tabIds } from '@connectgain/contracts/tabs'
import { describe, expect, it } from 'vitest'
import { tabLabels, tabLoaders } from './tab-registry.ts'

/** The README's "Built tabs" table: each row's label and id, in order. */
function readmeTabs(): { label: string; id: string }[] {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')
  const section = readme.split('\n### Built tabs\n')[1]?.split('\n#')[0] ?? ''
  return [...section.matchAll(/^\|\s*([^|]+?)\s*\|\s*`([\w-]+)`\s*\|/gm)].map(([, label = '', id = '']) => ({
    label,
    id,
  }))
}

describe('the README says exactly what ships', () => {
  it('lists every tab the registry loads, once, by its label, in nav order, and nothing else', () => {
    const built = tabIds.filter((id) => id in tabLoaders)
    expect(readmeTabs()).toEqual(built.map((id) => ({ label: tabLabels[id](), id })))
  })
})
