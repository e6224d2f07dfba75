/** @module What `npm run build` ships: a manifest editors and docs read, and tabs in chunks of their own. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const elements = new URL('../', import.meta.url)
const json = (path: string) => JSON.parse(readFileSync(new URL(path, elements), 'utf8'))

describe('the built element', () => {
  it('has a custom-elements.json describing <cg-settings> whole', () => {
    const manifest = json('custom-elements.json')
    const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? [])
    const shell = declarations.find((d: { tagName?: string }) => d.tagName === 'cg-settings')
    expect(shell.attributes.map((a: { name: string }) => a.name)).toEqual([
      'api-url',
      'token',
      'tab',
      'locale',
      'theme',
      'sync-hash',
    ])
    expect(shell.events.map((e: { name: string }) => e.name).sort()).toEqual([
      'cg-error',
      'cg-navigate',
      'cg-saved',
    ])
    expect(shell.cssParts.map((p: { name: string }) => p.name)).toEqual([
      'base',
      'header',
      'nav',
      'panel',
      'dialog',
    ])
    expect(shell.cssProperties.map((p: { name: string }) => p.name)).toContain('--cg-color-primary')
    const tags = declarations.map((d: { tagName?: string }) => d.tagName).filter(Boolean)
    expect(tags).toEqual(expect.arrayContaining(['cg-organization-tab', 'cg-select', 'cg-toast-region']))
  })

  it('loads the Organization tab and the form kit lazily, not with the page', () => {
    const meta = json('dist/meta.json')
    const entry = meta.outputs['dist/cg-settings.js']
    const initialInputs = Object.keys(entry.inputs)
    expect(initialInputs.some((i) => i.includes('organization-tab'))).toBe(false)
    expect(initialInputs.some((i) => i.includes('zod'))).toBe(false)
    expect(entry.imports.some((i: { kind: string }) => i.kind === 'dynamic-import')).toBe(true)
  })
})
