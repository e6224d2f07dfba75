/** @module The audit log: who changed which setting, from what to what. Read-only over REST. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'

export const auditActions = ['insert', 'update', 'delete', 'reveal'] as const
export type AuditAction = (typeof auditActions)[number]

/** Stands in for a secret column's value in `before` and `after`. */
export const REDACTED = '[redacted]'

export const AuditEntry = meta(
  z.object({
    id: z.string(),
    actor_type: z.enum(['user', 'api_key']),
    actor_id: meta(z.string(), { description: 'The user id (`usr_…`) or API key id (`key_…`).' }),
    action: z.enum(auditActions),
    resource: meta(z.string(), { description: 'The REST resource or function that changed.' }),
    row_id: z.string(),
    before: meta(z.nullable(z.record(z.string(), z.unknown())), {
      description: 'The row before; secrets redacted.',
    }),
    after: meta(z.nullable(z.record(z.string(), z.unknown())), {
      description: 'The row after; secrets redacted.',
    }),
    created_at: z.string(),
  }),
  { id: 'AuditEntry' },
)
export type AuditEntry = z.infer<typeof AuditEntry>
