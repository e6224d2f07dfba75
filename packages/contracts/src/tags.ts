/** @module Tags & Labels: a name unique per org, a colour, and what it applies to. */
import * as z from 'zod/mini'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { noControlCharacters } from './organizations.ts'
import { patchOf } from './patch.ts'

export const tagScopes = ['conversations', 'contacts', 'both'] as const
export type TagScope = (typeof tagScopes)[number]

/** `#rrggbb`, what `<input type=color>` gives. */
export const hexColorPattern = /^#[0-9a-fA-F]{6}$/

export const TagName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Name is required'),
    z.maxLength(50, 'Name must be at most 50 characters'),
    z.refine(
      noControlCharacters,
      rule('no_control', 'Name cannot contain control characters such as line breaks'),
    ),
  )

export const HexColor = meta(
  z
    .string()
    .check(
      z.refine(
        (c) => hexColorPattern.test(c),
        rule('hex_color', 'Colour must be a hex colour such as "#2456d3"'),
      ),
    ),
  { description: 'A hex colour `#rrggbb`.', examples: ['#2456d3'] },
)

export const Tag = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    scope: z.enum(tagScopes),
    description: z.nullable(z.string()),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Tag' },
)
export type Tag = z.infer<typeof Tag>

export const TagInsert = meta(
  z.strictObject({
    name: TagName,
    color: z._default(HexColor, '#6b7280'),
    scope: z._default(meta(z.enum(tagScopes), { description: 'What the tag applies to.' }), 'both'),
    description: z.optional(
      z.nullable(z.string().check(z.trim(), z.maxLength(200, 'Description must be at most 200 characters'))),
    ),
  }),
  { id: 'TagInsert', examples: [{ name: 'VIP', color: '#b42318', scope: 'contacts' }] },
)
export type TagInsert = z.input<typeof TagInsert>

export const TagUpdate = meta(patchOf(TagInsert), { id: 'TagUpdate' })
export type TagUpdate = z.infer<typeof TagUpdate>
