/**
 * @module sidebar_items: the host app's main sections, in order, each with a label, an icon and whether it shows.
 * Every member and every API key reads it (the host renders its sidebar from it); owners and admins change it.
 * The settings section is never hidden or deleted: it is the way back here.
 */
import {
  defaultSidebarItems,
  SETTINGS_ITEM,
  SidebarItem,
  SidebarItemInsert,
  SidebarItemUpdate,
} from '@connectgain/contracts'
import { sidebarItems } from '@connectgain/db'
import { ApiError } from '../../errors.ts'
import { defineResource, type RequestHook } from '../../rest/registry.ts'

const keepSettings: RequestHook = (events) => {
  for (const { op, before, after } of events) {
    if ((before?.key ?? after?.key) !== SETTINGS_ITEM) continue
    if (op === 'delete') {
      throw new ApiError('CG409', 'The settings section cannot be deleted', {
        details: [{ field: 'key', message: 'Settings is the way back to these settings', issue: 'custom' }],
        hint: 'Rename it or move it instead',
      })
    }
    if (after?.visible === false) {
      throw new ApiError('22P02', 'Invalid visible: the settings section cannot be hidden', {
        details: [{ field: 'visible', message: 'Settings is always shown', issue: 'custom' }],
        hint: 'Rename it or move it instead',
      })
    }
  }
  return undefined
}

export const sidebarItemsResource = defineResource({
  name: 'sidebar_items',
  singular: 'sidebar item',
  description:
    "The host app's main sections, in order: render your sidebar from `GET /rest/v1/sidebar_items?order=position&visible=is.true`. Every member and API key reads them; owners and admins rename, hide, add and reorder them (`POST /functions/v1/reorder`), and `POST /functions/v1/reset-sidebar-menu` restores the defaults. The `settings` section cannot be hidden or deleted.",
  table: sidebarItems,
  row: SidebarItem,
  insert: SidebarItemInsert,
  update: SidebarItemUpdate,
  deletable: true,
  idPrefix: 'sbi',
  ordered: true,
  orgDefaults: defaultSidebarItems,
  hooks: [keepSettings],
  sample: (n) => ({ key: `section-${n.toLowerCase()}`, label: `Section ${n}`, icon: 'circle' }),
})
