/** @module Quick Replies: canned responses an agent inserts by typing `/shortcut`. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'

/** Lowercase letters and digits, `-` or `_` inside: what follows the `/` an agent types. */
export const shortcutPattern = /^[a-z0-9](?:[a-z0-9_-]{0,30}[a-z0-9])?$/

export const Shortcut = meta(
  z.string().check(
    z.trim(),
    z.minLength(1, 'Shortcut is required'),
    z.maxLength(32, 'Shortcut must be at most 32 characters'),
    z.refine(
      (s) => shortcutPattern.test(s),
      rule(
        'shortcut_format',
        'Shortcut must be lowercase letters and digits, with - or _ inside, e.g. "thanks"',
      ),
    ),
  ),
  { description: 'Typed after `/` in the composer; unique in the organization.', examples: ['thanks'] },
)

export const QuickReply = meta(
  z.object({
    id: z.string(),
    shortcut: z.string(),
    content: z.string(),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'QuickReply' },
)
export type QuickReply = z.infer<typeof QuickReply>

export const QuickReplyInsert = meta(
  z.strictObject({
    shortcut: ui(Shortcut, {
      id: 'qr.shortcut',
      label: 'Shortcut',
      help: 'Agents type / and this shortcut to insert the reply, e.g. thanks.',
    }),
    content: ui(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'Content is required'),
          z.maxLength(2000, 'Content must be at most 2000 characters'),
        ),
      { id: 'qr.content', label: 'Reply', format: 'multiline' },
    ),
  }),
  {
    id: 'QuickReplyInsert',
    examples: [{ shortcut: 'thanks', content: 'Thanks for reaching out! We will get back to you shortly.' }],
  },
)
export type QuickReplyInsert = z.input<typeof QuickReplyInsert>

export const QuickReplyUpdate = meta(patchOf(QuickReplyInsert), { id: 'QuickReplyUpdate' })
export type QuickReplyUpdate = z.infer<typeof QuickReplyUpdate>
