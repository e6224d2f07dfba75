/** @module audit_log: every change to a setting, read-only; owners and admins read it. */
import { AuditEntry } from '@connectgain/contracts'
import { auditLog } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const auditLogResource = defineResource({
  name: 'audit_log',
  singular: 'audit entry',
  description:
    "Who changed which setting: one entry per written row (REST writes and functions), with the actor (member or API key) and the row before and after, secrets redacted. A member's own rows (chat preferences, push devices) show their values to that member only. Written by the server only.",
  table: auditLog,
  row: AuditEntry,
  idPrefix: 'aud',
  // A member's own rows (chat preferences, push devices) are theirs alone: others see that they changed, not to what.
  afterRead: (row, { caller }) =>
    row.subject_user_id && (caller.kind !== 'session' || caller.userId !== row.subject_user_id)
      ? { ...row, before: null, after: null }
      : row,
})
