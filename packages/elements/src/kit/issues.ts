/** @module Field errors in the UI's language, by their stable `issue` code and `params` (never by the English message). */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { msg, str } from '@lit/localize'

/**
 * A tab's own wording for some issues of one field, keyed by `issue` (`unique`, `required`, `too_big`…)
 * or by `rule:<id>` for a custom rule. Anything not listed gets the kit's wording.
 */
export type IssueMessages = Partial<Record<string, (issue: FieldIssue) => string>>

/** Messages of the contracts' custom rules (`rule(id, message)` in contracts/issues.ts), by rule id. */
const rules: Record<string, () => string> = {
  slug_format: () =>
    msg('Use lowercase letters and digits joined by single hyphens, e.g. "my-company"', {
      id: 'kit.rule.slug_format',
    }),
  no_control: () =>
    msg('Cannot contain control characters such as line breaks', { id: 'kit.rule.no_control' }),
  timezone: () => msg('Choose a time zone from the list', { id: 'kit.rule.timezone' }),
  currency: () => msg('Choose a currency from the list', { id: 'kit.rule.currency' }),
  hex_color: () => msg('Use a hex color such as #2456d3', { id: 'kit.rule.hex_color' }),
  shortcut_format: () =>
    msg('Use lowercase letters and digits, with - or _ inside, e.g. "thanks"', {
      id: 'kit.rule.shortcut_format',
    }),
  icon_format: () =>
    msg('Use an icon name: lowercase words joined by hyphens, e.g. "bar-chart"', {
      id: 'kit.rule.icon_format',
    }),
  key_format: () =>
    msg('Use lowercase letters and digits joined by hyphens, e.g. "reports"', { id: 'kit.rule.key_format' }),
}

const required = () => msg('Required', { id: 'kit.err.required' })

function tooSmall(n: number, origin: unknown): string {
  if (origin === 'string' || origin === 'array') {
    return n <= 1 ? required() : msg(str`Must be at least ${n} characters`, { id: 'kit.err.too-short' })
  }
  return msg(str`Must be at least ${n}`, { id: 'kit.err.too-small' })
}

function tooBig(n: number, origin: unknown): string {
  return origin === 'string'
    ? msg(str`Must be at most ${n} characters`, { id: 'kit.err.too-long' })
    : msg(str`Must be at most ${n}`, { id: 'kit.err.too-big' })
}

/** The kit's wording of an issue, or undefined when it has none (the server's message is shown then). */
function kitMessage(issue: FieldIssue): string | undefined {
  const params = issue.params ?? {}
  switch (issue.issue) {
    case 'required':
    case 'invalid_type': // a form sends strings and booleans: a wrong type is a missing value
      return required()
    case 'too_small':
      return tooSmall(Number(params.minimum), params.origin)
    case 'too_big':
      return tooBig(Number(params.maximum), params.origin)
    case 'invalid_value':
      return msg('Choose one of the options', { id: 'kit.err.invalid-value' })
    case 'invalid_format':
      return msg('This format is not valid', { id: 'kit.err.invalid-format' })
    case 'unique':
      return msg('Already in use', { id: 'kit.err.unique' })
    case 'custom':
      return rules[String(params.id)]?.()
    default:
      return undefined
  }
}

/** One field issue as text in the UI's language: the tab's wording, else the kit's, else the server's message. */
export function localizeIssue(issue: FieldIssue, own: IssueMessages = {}): string {
  const key = issue.issue === 'custom' ? `rule:${String(issue.params?.id)}` : (issue.issue ?? '')
  return own[key]?.(issue) ?? kitMessage(issue) ?? issue.message
}
