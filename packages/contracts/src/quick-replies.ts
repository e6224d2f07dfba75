/** @module Quick Replies: canned responses an agent inserts by typing `/shortcut`. */
import { z } from 'zod'
import { rule } from './issues.ts'
import { patchOf } from './patch.ts'

/** Lowercase letters and digits, `-` or `_` inside: what follows the `/` an agent types. */
export const shortcutPattern = /^[a-z0-9](?:[a-z0-9_-]{0,30}[a-z0-9])?$/

export const Shortcut = z
  .string()
  .trim()
  .min(1, 'Shortcut is required')
  .max(32, 'Shortcut must be at most 32 characters')
  .refine(
    (s) => shortcutPattern.test(s),
    rule(
      'shortcut_format',
      'Shortcut must be lowercase letters and digits, with - or _ inside, e.g. "thanks"',
    ),
  )
  .meta({ description: 'Typed after `/` in the composer; unique in the organization.', examples: ['thanks'] })

export const QuickReply = z
  .object({
    id: z.string(),
    shortcut: z.string(),
    content: z.string(),
    created_by: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'QuickReply' })
export type QuickReply = z.infer<typeof QuickReply>

export const QuickReplyInsert = z
  .strictObject({
    shortcut: Shortcut,
    content: z
      .string()
      .trim()
      .min(1, 'Content is required')
      .max(2000, 'Content must be at most 2000 characters'),
  })
  .meta({
    id: 'QuickReplyInsert',
    examples: [{ shortcut: 'thanks', content: 'Thanks for reaching out! We will get back to you shortly.' }],
  })
export type QuickReplyInsert = z.input<typeof QuickReplyInsert>

export const QuickReplyUpdate = patchOf(QuickReplyInsert).meta({ id: 'QuickReplyUpdate' })
export type QuickReplyUpdate = z.infer<typeof QuickReplyUpdate>
