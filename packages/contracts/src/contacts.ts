/** @module Contacts: the people conversations are with (a minimal domain resource; webhook events come from its writes). */
import * as z from 'zod/mini'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const Contact = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    lifecycle_stage_id: z.nullable(z.string()),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Contact' },
)
export type Contact = z.infer<typeof Contact>

export const ContactInsert = meta(
  z.strictObject({
    name: oneLineName(200),
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
    lifecycle_stage_id: z.optional(
      z.nullable(
        meta(z.string(), {
          description: 'A lifecycle stage of the organization; the default stage when omitted.',
        }),
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
