/** @module Contacts: the people conversations are with (a minimal domain resource; webhook events come from its writes). */
import * as z from 'zod/mini'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { noControlCharacters } from './organizations.ts'
import { patchOf } from './patch.ts'

export const Contact = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Contact' },
)
export type Contact = z.infer<typeof Contact>

export const ContactInsert = meta(
  z.strictObject({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Name is required'),
        z.maxLength(200, 'Name must be at most 200 characters'),
        z.refine(
          noControlCharacters,
          rule('no_control', 'Name cannot contain control characters such as line breaks'),
        ),
      ),
    email: z.optional(z.nullable(z.email('Must be an email address such as ana@example.com'))),
    phone: z.optional(
      z.nullable(
        z
          .string()
          .check(
            z.refine(
              (p) => /^\+[1-9]\d{6,14}$/.test(p),
              rule('e164', 'Must be an international number such as +34600111222'),
            ),
          ),
      ),
    ),
  }),
  {
    id: 'ContactInsert',
    examples: [{ name: 'Ana García', email: 'ana@example.com', phone: '+34600111222' }],
  },
)
export type ContactInsert = z.input<typeof ContactInsert>

export const ContactUpdate = meta(patchOf(ContactInsert), { id: 'ContactUpdate' })
