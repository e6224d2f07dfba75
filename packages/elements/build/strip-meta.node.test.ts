import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { stripMeta } from './strip-meta.ts'

// The parser the build's `this.parse` is.
const strip = (code: string) => stripMeta(code, parseAst(code) as never)

describe('stripMeta', () => {
  it('keeps the schema of each meta() call and drops its OpenAPI data, nested calls too', () => {
    const code = [
      "import { meta } from './meta.ts'",
      "export const A = meta(z.object({ name: meta(z.string(), { description: 'The name.' }) }), { id: 'A', examples: [{ name: 'x' }] })",
      "export const B = ui(meta(z.number(), { description: 'n' }), { id: 'b.n', label: 'N' })",
    ].join('\n')
    expect(strip(code)).toBe(
      [
        "import { meta } from './meta.ts'",
        'export const A = /* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string() })',
        "export const B = ui(/* @__PURE__ */ z.number(), { id: 'b.n', label: 'N' })",
      ].join('\n'),
    )
  })

  it('marks only a call pure: a schema named by a variable stays as it is', () => {
    expect(strip("const C = meta(Named, { id: 'C' })")).toBe('const C = Named')
  })

  it('leaves other calls, and a meta() of another arity, as they are', () => {
    const code = "const a = other(x, { description: 'kept' }); const b = meta(x)"
    expect(strip(code)).toBe(code)
  })
})
