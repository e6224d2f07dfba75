/** @module The audit log: one row per written row of every resource, in the write's own batch, read by owners and admins. */
import type { Feature } from '../../feature.ts'
import { auditLogResource } from './audit-log.resource.ts'
import { auditHook } from './audit-log.ts'

export const auditFeature: Feature = {
  name: 'audit',
  resources: [auditLogResource],
  writeHooks: [auditHook],
}
