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
      'tabs',
      'show-unavailable',
      'locale',
      'theme',
      'sync-hash',
      'request-timeout',
      'sw-url',
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

  it('has React and Vue typings that name every attribute and event in the manifest', () => {
    const manifest = json('custom-elements.json')
    const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? [])
    const shell = declarations.find((d: { tagName?: string }) => d.tagName === 'cg-settings')
    const react = readFileSync(new URL('src/react.d.ts', elements), 'utf8')
    const vue = readFileSync(new URL('src/vue.d.ts', elements), 'utf8')
    const camel = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())
    for (const { name } of shell.attributes as { name: string }[]) {
      const prop = new RegExp(`^\\s+'?${name}'?\\?:`, 'm')
      expect(react, name).toMatch(prop)
      expect(vue, name).toMatch(prop)
    }
    for (const { name } of shell.events as { name: string }[]) {
      expect(react).toContain(`'on${name}'?:`)
      expect(vue).toContain(`on${camel(name)}?:`)
    }
  })

  it('loads the Organization tab, the form kit and zod lazily, not with the page', () => {
    const manifest: Record<
      string,
      { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
    > = json('dist/.vite/manifest.json')
    const staticClosure = (key: string, seen = new Set<string>()): Set<string> => {
      if (!seen.has(key)) {
        seen.add(key)
        for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen)
      }
      return seen
    }
    const [entryKey] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? []
    expect(entryKey).toBe('src/index.ts')
    // What the page loads: the entry and the chunks it imports (the shell's, one chunk).
    const initial = [...staticClosure(entryKey!)]
    const initialCode = initial
      .map((key) => readFileSync(new URL(`dist/${manifest[key]!.file}`, elements), 'utf8'))
      .join('\n')
    expect(initialCode).toContain('cg-settings')
    expect(initialCode).not.toContain('cg-organization-tab') // the tab's own chunk defines it
    expect(initialCode).not.toContain('Unknown time zone') // the contract (and zod) come with the tab
    expect(initial.flatMap((key) => manifest[key]!.dynamicImports ?? [])).toContain(
      'src/tabs/organization/organization-tab.ts',
    )
    // zod is one chunk that every tab shares (not a copy per tab), and the page does not load it.
    const zod = Object.keys(manifest).filter((key) => manifest[key]!.file.startsWith('chunks/zod-'))
    expect(zod).toHaveLength(1)
    expect(initial).not.toContain(zod[0])
    const tabs = Object.keys(manifest).filter((key) => /^src\/tabs\/.+-tab\.ts$/.test(key))
    expect(tabs.length).toBeGreaterThanOrEqual(4)
    for (const tab of tabs) expect([...staticClosure(tab)], tab).toContain(zod[0])
    // Each form control is a chunk of its own, loaded by the kit when a field of its kind is drawn: neither the
    // page nor a tab's first open loads one.
    const controls = Object.keys(manifest).filter((key) => /^src\/form\/cg-[\w-]+\.ts$/.test(key))
    expect(controls).toEqual(expect.arrayContaining(['src/form/cg-select.ts', 'src/form/cg-text-field.ts']))
    for (const key of [entryKey!, ...tabs]) {
      const loaded = staticClosure(key)
      expect(
        controls.filter((control) => loaded.has(control)),
        key,
      ).toEqual([])
    }
  })
})
