/** @module Spanish catalog vs. source: every `msg` id translated, in its area's file, none stale. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as contracts from '@connectgain/contracts'
import { type FieldUi, fieldUi } from '@connectgain/contracts/field-ui'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { templates } from './locales/es.ts'

type Template = string | { strTag: true; values: unknown[] }
type Catalog = Record<string, Template>

const src = fileURLToPath(new URL('..', import.meta.url))
const files = (readdirSync(src, { recursive: true }) as string[])
  .map((file) => file.replaceAll('\\', '/'))
  .sort()

/** One `msg(…, { id })` call; `expressions` is undefined when the English is neither a string nor `str`. */
interface Use {
  id: string
  at: string
  area: string
  expressions: number | undefined
}

/**
 * An id's Spanish lives beside the code that shows it: `tabs/<tab>/<tab>.es.ts`, `kit/kit.es.ts`,
 * `form/form.es.ts`, `api/api.es.ts`, and `i18n/shell.es.ts` for the rest (cg-settings.ts, the tab registry).
 */
function areaOf(file: string): string {
  const [top, tab, rest] = file.split('/')
  if (top === 'tabs' && rest !== undefined) return `tabs/${tab}`
  return top === 'kit' || top === 'form' || top === 'api' ? top : 'shell'
}

const catalogOf = (area: string): string =>
  area === 'shell' ? 'i18n/shell.es.ts' : `${area}/${area.split('/').at(-1)}.es.ts`

/** Lowest first: the kit builds on the form controls and the API client, the shell on the kit. */
const shared = ['form', 'api', 'kit', 'shell']

/** An id used in several areas goes to the lowest of them; one only tabs share goes to the tab kit. */
const homeOf = (areas: Set<string>): string =>
  areas.size === 1 ? [...areas][0]! : (shared.find((area) => areas.has(area)) ?? 'kit')

function expressionsOf(english: ts.Expression | undefined): number | undefined {
  if (english && (ts.isStringLiteral(english) || ts.isNoSubstitutionTemplateLiteral(english))) return 0
  if (english && ts.isTaggedTemplateExpression(english) && english.tag.getText() === 'str')
    return ts.isTemplateExpression(english.template) ? english.template.templateSpans.length : 0
  return undefined
}

/** The kit's functions that label fields from a contract's `ui()`, and the file that calls msg with those ids. */
const contractHelpers = new Set(['fieldsOf', 'fieldOf', 'columnOf', 'labelOf'])
const CONTRACT_FIELDS = 'kit/contract-fields.ts'

/** The `ui()` of a contract schema's field, from any layer (optional, default, nullable), as the kit reads it. */
function uiOf(schemaName: string, field: string): FieldUi | undefined {
  const schema = (contracts as Record<string, unknown>)[schemaName] as
    | { _zod: { def: { shape?: Record<string, unknown> } } }
    | undefined
  let node = schema?._zod.def.shape?.[field] as
    | { _zod: { def: { type: string; innerType?: unknown } } }
    | undefined
  let ui: FieldUi | undefined
  while (node) {
    ui ??= fieldUi.get(node as never)
    node = ['optional', 'default', 'nullable'].includes(node._zod.def.type)
      ? (node._zod.def.innerType as typeof node)
      : undefined
  }
  return ui
}

/** The ids a contract field's label, help and options are translated by. */
const idsOf = (ui: FieldUi) => [
  ui.id,
  ...(ui.help ? [`${ui.id}.help`] : []),
  ...Object.keys(ui.options ?? {}).map((value) => `${ui.id}.${value}`),
]

const uses: Use[] = []
const unscannable: string[] = []
const isSource = (file: string) => file.endsWith('.ts') && !/\.(test|es|d)\.ts$/.test(file)
for (const file of files.filter(isSource)) {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(src, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  )
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
      const at = `src/${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
      const [english, options] = node.arguments
      const id =
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find(
              (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'id',
            )?.initializer
          : undefined
      if (id && (ts.isStringLiteral(id) || ts.isNoSubstitutionTemplateLiteral(id)))
        uses.push({ id: id.text, at, area: areaOf(file), expressions: expressionsOf(english) })
      else if (file !== CONTRACT_FIELDS) unscannable.push(at) // its ids are the contracts', found below
    }
    // fieldsOf(Contract, ['name', …]), columnOf(Contract, 'name'): the fields' ids are used where the call is.
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      contractHelpers.has(node.expression.text)
    ) {
      const [schema, names] = node.arguments
      const at = `src/${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
      const fields: string[] = []
      const collect = (n: ts.Node): void => {
        if (ts.isStringLiteral(n)) fields.push(n.text)
        ts.forEachChild(n, collect)
      }
      if (names) collect(names)
      for (const field of fields) {
        const ui = schema && ts.isIdentifier(schema) ? uiOf(schema.text, field) : undefined
        if (!ui) unscannable.push(`${at} (${schema?.getText()}.${field} has no ui())`)
        else for (const id of idsOf(ui)) uses.push({ id, at, area: areaOf(file), expressions: 0 })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}

const usesOf = new Map<string, Use[]>()
for (const use of uses) usesOf.set(use.id, [...(usesOf.get(use.id) ?? []), use])
const homes = new Map(
  [...usesOf].map(([id, list]) => [id, catalogOf(homeOf(new Set(list.map((u) => u.area))))]),
)
const spanish: Catalog = templates
const catalogs = new Map<string, Catalog>()
for (const file of files.filter((f) => f.endsWith('.es.ts') && !f.startsWith('i18n/locales/')))
  catalogs.set(file, ((await import(join(src, file))) as { templates: Catalog }).templates)
const catalogsWith = (id: string) =>
  [...catalogs].filter(([, catalog]) => id in catalog).map(([file]) => file)
const where = (id: string) =>
  usesOf
    .get(id)!
    .map((use) => use.at)
    .join(', ')

/** The `${n}` a Spanish template uses, distinct and sorted; none for a plain string. */
const placeholders = (template: Template) =>
  typeof template === 'string' ? [] : [...new Set(template.values)].sort((a, b) => Number(a) - Number(b))

describe('Spanish catalog', () => {
  it('finds the literal id of every msg call, so none escapes these checks', () => {
    expect(uses.length).toBeGreaterThan(100)
    expect(unscannable, 'msg calls without a literal `{ id: "…" }`').toEqual([])
  })

  it('has Spanish for every id the source uses', () => {
    const missing = [...homes]
      .filter(([id]) => !(id in spanish))
      .map(([id, home]) =>
        catalogsWith(id).length > 0
          ? `${id}: in src/${catalogsWith(id)[0]}, which src/i18n/locales/es.ts does not spread`
          : `${id} (${where(id)}) has no Spanish: add it to src/${home}`,
      )
    expect(missing, 'ids without Spanish').toEqual([])
  })

  it('has no Spanish for an id no source uses', () => {
    const stale = [...catalogs].flatMap(([file, catalog]) =>
      Object.keys(catalog)
        .filter((id) => !usesOf.has(id))
        .map((id) => `${id} in src/${file}: no msg call uses it`),
    )
    const loose = Object.keys(spanish).filter((id) => catalogsWith(id).length === 0)
    const outside = loose.map((id) => `${id}: in src/i18n/locales/es.ts, not in an area's .es.ts`)
    expect([...stale, ...outside], 'stale ids').toEqual([])
  })

  it("keeps each id in the .es.ts of the area that uses it, each tab's in its own folder", () => {
    const misplaced = [...homes].flatMap(([id, home]) => {
      const found = catalogsWith(id)
      if (found.length === 0 || (found.length === 1 && found[0] === home)) return []
      return [
        `${id} (${where(id)}) is in ${found.map((f) => `src/${f}`).join(' and ')}: it belongs in src/${home}`,
      ]
    })
    expect(misplaced, 'ids in the wrong catalog').toEqual([])
  })

  it("numbers a placeholder for each of the English message's expressions, and no other", () => {
    const mismatched = [...usesOf].flatMap(([id, list]) => {
      const expressions = list[0]!.expressions
      const template = spanish[id]
      if (template === undefined || expressions === undefined) return []
      const expected = Array.from({ length: expressions }, (_, n) => n)
      const used = placeholders(template)
      if (JSON.stringify(used) === JSON.stringify(expected)) return []
      const named = used.length > 0 ? used.map((n) => `\${${n}}`).join(', ') : 'no placeholder'
      return [
        `${id} in src/${homes.get(id)}: the Spanish has ${named}, the English ${expressions} expression(s)`,
      ]
    })
    expect(mismatched, 'placeholders that do not match the English').toEqual([])
  })
})
