/** @module audit_log: every change to a setting, read-only; owners and admins read it. */
import { AuditEntry } from '@connectgain/contracts'
import { auditLog } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const auditLogResource = defineResource({
  name: 'audit_log',
  singular: 'audit entry',
  description:
    'Who changed which setting: one entry per written row (REST writes and functions), with the actor (member or API key) and the row before and after, secrets redacted. Written by the server only.',
  table: auditLog,
  row: AuditEntry,
  idPrefix: 'aud',
})
