/**
 * @module The five roles and THE permission matrix the API enforces and the element reads to show tabs.
 * Free of zod on purpose: the element's initial chunk imports it.
 */
import { type TabId, tabIds } from './tabs.ts'

export const roles = ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] as const
export type RoleName = (typeof roles)[number]

/** Every REST resource the API serves (`/rest/v1/{resource}`). */
export const resourceNames = ['organizations'] as const
export type ResourceName = (typeof resourceNames)[number]

/** Every function (`/functions/v1/{name}`) that a signed-in caller may be granted. */
export const functionNames = ['sessions'] as const
export type FunctionName = (typeof functionNames)[number]

export interface RolePermissions {
  read: readonly ResourceName[]
  write: readonly ResourceName[]
  call: readonly FunctionName[]
  /** Settings tabs shown to the role; a tab's data is still guarded by `read`/`write` on the server. */
  tabs: readonly TabId[]
}

const everyResource = resourceNames
const personal = ['notifications', 'chat-contacts', 'inbox-layout'] as const satisfies readonly TabId[]
/**
 * THE permission matrix: role → what it may read, write and call. The API checks it on every
 * request (the resource registry and the function dispatcher ask `can()`), and the element
 * uses the same object to decide which tabs to show. Change access here and nowhere else.
 */
export const permissionMatrix: Record<RoleName, RolePermissions> = {
  owner: { read: everyResource, write: ['organizations'], call: ['sessions'], tabs: tabIds },
  admin: { read: everyResource, write: ['organizations'], call: ['sessions'], tabs: tabIds },
  agent: { read: ['organizations'], write: [], call: [], tabs: [...personal, 'organization'] },
  project_manager: { read: ['organizations'], write: [], call: [], tabs: [...personal, 'organization'] },
  team_admin: { read: ['organizations'], write: [], call: [], tabs: [...personal, 'organization', 'teams'] },
}

export type Action = 'read' | 'write'

/** May `role` do `action` on `resource`? */
export function can(role: RoleName, action: Action, resource: ResourceName): boolean {
  return permissionMatrix[role][action].includes(resource)
}

/** May `role` see the settings tab `tab`? */
export function canSeeTab(role: RoleName, tab: TabId): boolean {
  return permissionMatrix[role].tabs.includes(tab)
}

/** May `role` call the function `name`? */
export function canCall(role: RoleName, name: FunctionName): boolean {
  return permissionMatrix[role].call.includes(name)
}
