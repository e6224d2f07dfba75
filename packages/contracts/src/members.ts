/** @module Team members: each membership with who it is, its role and availability, and whether it is assignable. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { roles } from './permissions.ts'
import { roleField, roleWords } from './roles.ts'

export const availabilities = ['online', 'busy', 'offline'] as const
export type Availability = (typeof availabilities)[number]

export const Member = meta(
  z.object({
    id: z.string(),
    user_id: z.string(),
    name: z.nullable(z.string()),
    email: z.string(),
    role: z.enum(roles),
    availability: z.enum(availabilities),
    /**
     * Whether conversations may be assigned to them automatically: never a project manager (the spec keeps them
     * out of auto-assignment and agent reports), never someone offline.
     */
    assignable: z.boolean(),
    last_active_at: z.nullable(z.string()),
    created_at: z.string(),
  }),
  { id: 'Member' },
)
export type Member = z.infer<typeof Member>

/** What an owner or admin changes about a member; a member changes only their own availability. */
export const MemberUpdate = meta(
  z.strictObject({
    role: z.optional(ui(roleField(), { id: 'members.role', label: 'Role', options: roleWords })),
    availability: z.optional(
      ui(z.enum(availabilities), {
        id: 'members.availability',
        label: 'Availability',
        options: { online: 'Online', busy: 'Busy', offline: 'Offline' },
      }),
    ),
  }),
  { id: 'MemberUpdate', examples: [{ role: 'agent' }, { availability: 'busy' }] },
)
export type MemberUpdate = z.infer<typeof MemberUpdate>

export const SetAvailabilityRequest = meta(z.strictObject({ availability: z.enum(availabilities) }), {
  id: 'SetAvailabilityRequest',
  examples: [{ availability: 'busy' }],
})

/** Not auto-assigned: project managers, and anyone offline. */
export const isAssignable = (member: { role: string; availability: string }): boolean =>
  member.role !== 'project_manager' && member.availability !== 'offline'
