/** @module The five member roles and the one permission matrix the API enforces and the element reads. */
import { z } from 'zod'

export const roles = ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] as const
export const Role = z.enum(roles).meta({ id: 'Role', description: 'A member role inside one organization.' })
export type Role = z.infer<typeof Role>

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
}

const everyResource = resourceNames
/**
 * THE permission matrix: role → what it may read, write and call. The API checks it on every
 * request (the resource registry and the function dispatcher ask `can()`), and the element
 * uses the same object to decide which tabs to show. Change access here and nowhere else.
 */
export const permissionMatrix: Record<Role, RolePermissions> = {
  owner: { read: everyResource, write: ['organizations'], call: ['sessions'] },
  admin: { read: everyResource, write: ['organizations'], call: ['sessions'] },
  agent: { read: ['organizations'], write: [], call: [] },
  project_manager: { read: ['organizations'], write: [], call: [] },
  team_admin: { read: ['organizations'], write: [], call: [] },
}

export type Action = 'read' | 'write'

/** May `role` do `action` on `resource`? */
export function can(role: Role, action: Action, resource: ResourceName): boolean {
  return permissionMatrix[role][action].includes(resource)
}

/** May `role` call the function `name`? */
export function canCall(role: Role, name: FunctionName): boolean {
  return permissionMatrix[role].call.includes(name)
}
