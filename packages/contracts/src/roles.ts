/** @module The Role schema (zod) for bodies and claims; the roles and matrix themselves are in permissions.ts. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { type RoleName, roles } from './permissions.ts'

export const Role = meta(z.enum(roles), { id: 'Role', description: 'A member role inside one organization.' })
export type Role = RoleName

/** The roles in words, in English (a form's options; the element translates each by its message id). */
export const roleWords: Readonly<Record<RoleName, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  agent: 'Agent',
  project_manager: 'Project Manager',
  team_admin: 'Team Admin',
}

/** A role field of its own (a field's `ui()` is kept per schema, so two forms never share one). */
export const roleField = () => meta(z.enum(roles), { description: 'A member role inside one organization.' })
