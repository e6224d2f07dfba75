/**
 * @module `Accept: text/csv` on a GET, as PostgREST answers it: a header row of the selected columns, then one line
 * per row (RFC 4180 quoting; objects as JSON). A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
 * first) is prefixed with `'`, as OWASP advises for exports.
 */
export const CSV = 'text/csv'

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** `rows` as CSV with `columns` as its header, CRLF line ends. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [
    columns.map(cell).join(','),
    ...rows.map((row) => columns.map((c) => cell(row[c])).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}
