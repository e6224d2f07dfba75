/**
 * @module A build plugin for dist/: the contracts' `meta(schema, {id, description, examples})` calls become
 * `schema`. Their second argument is for the API's OpenAPI document only (zod's global registry, which the element
 * never reads), yet every descriptive sentence and example of every contract a tab imports would otherwise ride in
 * its chunk. What was wrapped is marked pure, so a schema the element never uses (a function's request) goes too.
 * `ui()` (the labels and help a form shows) is untouched.
 */
import type { Plugin } from 'vite'

interface Node {
  type: string
  start: number
  end: number
  callee?: Node
  name?: string
  arguments?: Node[]
  [key: string]: unknown
}

/** Every `meta(a, b)` call in `ast`, outermost first. */
function metaCalls(ast: Node): Node[] {
  const found: Node[] = []
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    const n = node as Node
    if (
      n.type === 'CallExpression' &&
      n.callee?.type === 'Identifier' &&
      n.callee.name === 'meta' &&
      n.arguments?.length === 2
    )
      found.push(n)
    for (const [key, value] of Object.entries(n))
      if (key !== 'type' && typeof value === 'object') visit(value)
  }
  visit(ast)
  return found.sort((a, b) => a.start - b.start)
}

/**
 * `code` with each `meta(a, b)` in it replaced by `a` (itself rewritten: meta calls nest), marked pure when it is a
 * call, as building a schema is.
 */
export function stripMeta(code: string, ast: Node): string {
  const calls = metaCalls(ast)
  const rewrite = (from: number, to: number): string => {
    let out = ''
    let cursor = from
    for (const call of calls) {
      if (call.start < cursor || call.end > to) continue // inside one already rewritten, or outside the range
      const [schema] = call.arguments as [Node, Node]
      // A schema built by a call (`z.object(…).check(…)`) builds only: the bundler may drop it when unused.
      const pure = schema.type === 'CallExpression' ? '/* @__PURE__ */ ' : ''
      out += code.slice(cursor, call.start) + pure + rewrite(schema.start, schema.end)
      cursor = call.end
    }
    return out + code.slice(cursor, to)
  }
  return rewrite(0, code.length)
}

export function stripContractMeta(): Plugin {
  return {
    name: 'cg-strip-contract-meta',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]contracts[\\/]src[\\/][\w-]+\.ts$/.test(id) || !code.includes('meta(')) return null
      return { code: stripMeta(code, this.parse(code) as unknown as Node), map: null }
    },
  }
}
