/** @module Stable validation issues: zod issues as `{ field, message, issue, params }`, and rules that carry an id. */
import type { FieldIssue } from './errors.ts'

/** What a zod issue looks like here (zod's own type, narrowed to the fields we read). */
interface ZodIssueLike {
  code: string
  path: readonly PropertyKey[]
  message: string
  minimum?: unknown
  maximum?: unknown
  origin?: unknown
  values?: unknown
  format?: unknown
  expected?: unknown
  params?: Record<string, unknown>
  keys?: readonly string[]
}

/**
 * The options for a custom rule (`.refine(test, rule('slug_format', 'Slug must…'))`): the English message
 * for API callers, and an id a client translates by.
 */
export const rule = (id: string, message: string) => ({ message, params: { id } })

const LIMITS = ['minimum', 'maximum', 'origin', 'values', 'format', 'expected'] as const

/** One zod issue as a field issue: the field's path, zod's English message, its code and its limits. */
export function toFieldIssue(issue: ZodIssueLike): FieldIssue {
  const params: Record<string, unknown> = { ...issue.params }
  for (const key of LIMITS) {
    const value = issue[key]
    if (value !== undefined) params[key] = typeof value === 'bigint' ? Number(value) : value
  }
  return {
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
    issue: issue.code,
    ...(Object.keys(params).length ? { params } : {}),
  }
}

/** Every issue of a failed parse as field issues. */
export const toFieldIssues = (error: { issues: readonly ZodIssueLike[] }): FieldIssue[] =>
  error.issues.map(toFieldIssue)
