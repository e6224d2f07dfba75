/** @module The audit log: who changed which setting, from what to what. Read-only over REST. */
import { z } from 'zod'

export const auditActions = ['insert', 'update', 'delete'] as const
export type AuditAction = (typeof auditActions)[number]

/** Stands in for a secret column's value in `before` and `after`. */
export const REDACTED = '[redacted]'

export const AuditEntry = z
  .object({
    id: z.string(),
    actor_type: z.enum(['user', 'api_key']),
    actor_id: z.string().meta({ description: 'The user id (`usr_…`) or API key id (`key_…`).' }),
    action: z.enum(auditActions),
    resource: z.string().meta({ description: 'The REST resource or function that changed.' }),
    row_id: z.string(),
    before: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The row before; secrets redacted.' }),
    after: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The row after; secrets redacted.' }),
    created_at: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof AuditEntry>
