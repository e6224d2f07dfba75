/** @module Tags & Labels: a name unique per org, a color, and what it applies to. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { HexColor, oneLineName } from './rules.ts'

// Re-exported so `@connectgain/contracts/tags` keeps the color rule it used to declare.
export { HexColor, hexColorPattern } from './rules.ts'

export const tagScopes = ['conversations', 'contacts', 'both'] as const
export type TagScope = (typeof tagScopes)[number]

export const TagName = oneLineName(50)

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
    name: ui(TagName, { id: 'tags.name', label: 'Name' }),
    color: ui(z._default(HexColor, '#6b7280'), { id: 'tags.color', label: 'Color', format: 'color' }),
    scope: ui(z._default(meta(z.enum(tagScopes), { description: 'What the tag applies to.' }), 'both'), {
      id: 'tags.scope',
      label: 'Applies to',
      options: { conversations: 'Conversations', contacts: 'Contacts', both: 'Conversations and contacts' },
    }),
    description: ui(
      z.optional(
        z.nullable(
          z.string().check(z.trim(), z.maxLength(200, 'Description must be at most 200 characters')),
        ),
      ),
      { id: 'tags.description', label: 'Description', format: 'multiline' },
    ),
  }),
  { id: 'TagInsert', examples: [{ name: 'VIP', color: '#b42318', scope: 'contacts' }] },
)
export type TagInsert = z.input<typeof TagInsert>

export const TagUpdate = meta(patchOf(TagInsert), { id: 'TagUpdate' })
export type TagUpdate = z.infer<typeof TagUpdate>
