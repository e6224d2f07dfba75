/** @module Session contracts: minting session tokens for end users (host backend and demo route). */
import { z } from 'zod'
import { OrganizationSlug } from './organizations.ts'
import { Role } from './roles.ts'

/** What both session routes answer: a short-lived JWT for `<cg-settings token>`. */
export const SessionResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal('bearer'),
    expires_at: z.string().meta({ description: 'ISO 8601 time the token stops working.' }),
    user_id: z.string(),
    org_id: z.string(),
    role: Role,
  })
  .meta({ id: 'SessionResponse' })
export type SessionResponse = z.infer<typeof SessionResponse>

/**
 * `POST /functions/v1/sessions`, called by a host backend with its org API key.
 * Give `user_id` for a known member, or `email` to find or provision one. `role` sets the
 * member's role (the host is the source of truth); without it a known member keeps theirs
 * and a new one joins as an agent.
 */
export const MintSessionRequest = z
  .strictObject({
    user_id: z.string().min(1).optional(),
    email: z.email('Must be a valid email address').max(254).toLowerCase().optional(),
    name: z.string().trim().min(1).max(100).optional(),
    role: Role.optional(),
  })
  .refine((b) => (b.user_id === undefined) !== (b.email === undefined), {
    message: 'Give exactly one of user_id or email',
    path: ['user_id'],
  })
  .meta({ id: 'MintSessionRequest', examples: [{ email: 'ada@example.com', name: 'Ada', role: 'agent' }] })
export type MintSessionRequest = z.infer<typeof MintSessionRequest>

/** `POST /functions/v1/dev/session` (demo mode only). */
export const DevSessionRequest = z
  .strictObject({
    role: Role.default('admin'),
    org_slug: OrganizationSlug.optional().meta({
      description: 'Another org (created on first use) for two-tenant checks; the demo org when absent.',
    }),
  })
  .meta({ id: 'DevSessionRequest' })
export type DevSessionRequest = z.infer<typeof DevSessionRequest>
