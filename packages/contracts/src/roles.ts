/** @module The Role schema (zod) for bodies and claims; the roles and matrix themselves are in permissions.ts. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { type RoleName, roles } from './permissions.ts'

export const Role = meta(z.enum(roles), { id: 'Role', description: 'A member role inside one organization.' })
export type Role = RoleName
