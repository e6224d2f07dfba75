/** @module Sidebar Menu: the host app's main sections, their labels, icons, order and visibility. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { oneLineName } from './rules.ts'

/** The section that leads back here: it can be renamed and moved, never hidden or deleted. */
export const SETTINGS_ITEM = 'settings'

/** What every org starts with (and what reset-sidebar-menu restores): the host app's main sections, in order. */
export const defaultSidebarItems = [
  { key: 'inbox', label: 'Inbox', icon: 'inbox' },
  { key: 'contacts', label: 'Contacts', icon: 'users' },
  { key: 'deals', label: 'Deals', icon: 'briefcase' },
  { key: 'tasks', label: 'Tasks', icon: 'check-square' },
  { key: 'reports', label: 'Reports', icon: 'bar-chart' },
  { key: 'campaigns', label: 'Campaigns', icon: 'megaphone' },
  { key: 'automations', label: 'Automations', icon: 'zap' },
  { key: SETTINGS_ITEM, label: 'Settings', icon: 'settings' },
] as const

/** Icon names: lowercase words joined by hyphens, as icon sets (Lucide, Feather) name them. */
const iconPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const SidebarItem = meta(
  z.object({
    id: z.string(),
    key: z.string(),
    label: z.string(),
    icon: z.string(),
    visible: z.boolean(),
    position: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'SidebarItem' },
)
export type SidebarItem = z.infer<typeof SidebarItem>

const Icon = meta(
  z.string().check(
    z.maxLength(40, 'Icon must be at most 40 characters'),
    z.refine((s) => iconPattern.test(s), rule('icon_format', 'Icon must be an icon name such as "inbox"')),
  ),
  { description: 'An icon name the host app maps to its icon set (Lucide names by default).' },
)

export const SidebarItemInsert = meta(
  z.strictObject({
    key: ui(
      meta(
        z.string().check(
          z.maxLength(40, 'Key must be at most 40 characters'),
          z.refine(
            (s) => iconPattern.test(s),
            rule('key_format', 'Key must be lowercase letters and digits joined by hyphens, e.g. "reports"'),
          ),
        ),
        { description: 'The section the host app routes to; unique in the organization.' },
      ),
      {
        id: 'sidebar.key',
        label: 'Key',
        help: 'The section your app opens, e.g. "reports". It cannot change later.',
      },
    ),
    label: ui(oneLineName(40), { id: 'sidebar.label', label: 'Label' }),
    icon: ui(z._default(Icon, 'circle'), {
      id: 'sidebar.icon',
      label: 'Icon',
      help: 'An icon name from your app\'s icon set, e.g. "inbox".',
    }),
    visible: ui(z._default(z.boolean(), true), { id: 'sidebar.visible', label: 'Shown in the sidebar' }),
    position: z.optional(z.int().check(z.minimum(0, 'Position must be 0 or more'))),
  }),
  { id: 'SidebarItemInsert', examples: [{ key: 'knowledge-base', label: 'Knowledge Base', icon: 'book' }] },
)
export type SidebarItemInsert = z.input<typeof SidebarItemInsert>

/** A section's key is fixed once it exists: the host app routes by it. */
export const SidebarItemUpdate = meta(
  z.strictObject({
    label: z.optional(oneLineName(40)),
    icon: z.optional(Icon),
    visible: z.optional(z.boolean()),
    position: z.optional(z.int().check(z.minimum(0, 'Position must be 0 or more'))),
  }),
  { id: 'SidebarItemUpdate' },
)
export type SidebarItemUpdate = z.infer<typeof SidebarItemUpdate>

export const ResetSidebarMenuResponse = meta(z.object({ items: z.array(SidebarItem) }), {
  id: 'ResetSidebarMenuResponse',
})
