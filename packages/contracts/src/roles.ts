/** @module The Role schema (zod) for bodies and claims; the roles and matrix themselves are in permissions.ts. */
import { z } from 'zod'
import { type RoleName, roles } from './permissions.ts'

export const Role = z.enum(roles).meta({ id: 'Role', description: 'A member role inside one organization.' })
export type Role = RoleName
