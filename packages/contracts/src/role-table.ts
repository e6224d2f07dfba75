/**
 * @module The role tables of docs/rest-api.md and docs/team.md, generated from the permission matrix (a test keeps
 * the docs in step).
 */
import { functionNames, permissionMatrix, resourceNames, roles } from './permissions.ts'

/** Markdown: one row per role, one column per resource and function, each cell what the matrix grants. */
export function roleTableMarkdown(): string {
  const head = ['Role', ...resourceNames, ...functionNames.map((f) => `${f} (function)`)]
  const rows = roles.map((role) => {
    const m = permissionMatrix[role]
    const resource = (r: (typeof resourceNames)[number]) =>
      [m.read.includes(r) && 'read', m.write.includes(r) && 'write'].filter(Boolean).join(', ') || '—'
    return [
      role,
      ...resourceNames.map(resource),
      ...functionNames.map((f) => (m.call.includes(f) ? 'call' : '—')),
    ]
  })
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n')
}

/** Markdown: one row per resource and function, one column per role: what each role may do with it. */
export function roleTableByResource(): string {
  const head = ['', ...roles]
  const grants = (granted: (role: (typeof roles)[number]) => string) =>
    roles.map((role) => granted(role) || '—')
  const rows = [
    ...resourceNames.map((r) => [
      `\`${r}\``,
      ...grants((role) =>
        [
          permissionMatrix[role].read.includes(r) && 'read',
          permissionMatrix[role].write.includes(r) && 'write',
        ]
          .filter(Boolean)
          .join(', '),
      ),
    ]),
    ...functionNames.map((f) => [
      `\`${f}\` (function)`,
      ...grants((role) => (permissionMatrix[role].call.includes(f) ? 'call' : '')),
    ]),
  ]
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n')
}
