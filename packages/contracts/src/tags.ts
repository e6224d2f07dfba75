/** @module Tags & Labels: a name unique per org, a colour, and what it applies to. */
import { z } from 'zod'
import { rule } from './issues.ts'
import { noControlCharacters } from './organizations.ts'
import { patchOf } from './patch.ts'

export const tagScopes = ['conversations', 'contacts', 'both'] as const
export type TagScope = (typeof tagScopes)[number]

/** `#rrggbb`, what `<input type=color>` gives. */
export const hexColorPattern = /^#[0-9a-fA-F]{6}$/

export const TagName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(50, 'Name must be at most 50 characters')
  .refine(
    noControlCharacters,
    rule('no_control', 'Name cannot contain control characters such as line breaks'),
  )

export const HexColor = z
  .string()
  .refine((c) => hexColorPattern.test(c), rule('hex_color', 'Colour must be a hex colour such as "#2456d3"'))
  .meta({ description: 'A hex colour `#rrggbb`.', examples: ['#2456d3'] })

export const Tag = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    scope: z.enum(tagScopes),
    description: z.string().nullable(),
    created_by: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Tag' })
export type Tag = z.infer<typeof Tag>

export const TagInsert = z
  .strictObject({
    name: TagName,
    color: HexColor.default('#6b7280'),
    scope: z.enum(tagScopes).default('both').meta({ description: 'What the tag applies to.' }),
    description: z
      .string()
      .trim()
      .max(200, 'Description must be at most 200 characters')
      .nullable()
      .optional(),
  })
  .meta({ id: 'TagInsert', examples: [{ name: 'VIP', color: '#b42318', scope: 'contacts' }] })
export type TagInsert = z.input<typeof TagInsert>

export const TagUpdate = patchOf(TagInsert).meta({ id: 'TagUpdate' })
export type TagUpdate = z.infer<typeof TagUpdate>
