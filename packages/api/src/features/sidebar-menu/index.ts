/** @module Sidebar Menu: the host app's sections, which every member and API key reads, and their reset. */
import type { Feature } from '../../feature.ts'
import { resetSidebarMenuFunction } from './functions.ts'
import { sidebarItemsResource } from './sidebar-items.resource.ts'

export const sidebarMenuFeature: Feature = {
  name: 'sidebar-menu',
  resources: [sidebarItemsResource],
  functions: [resetSidebarMenuFunction],
}
