/** @module Session contracts: minting session tokens for end users (host backend and demo route). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { Role } from './roles.ts'
import { OrganizationSlug } from './rules.ts'

/** What both session routes answer: a short-lived JWT for `<cg-settings token>`. */
export const SessionResponse = meta(
  z.object({
    access_token: z.string(),
    token_type: z.literal('bearer'),
    expires_at: meta(z.string(), { description: 'ISO 8601 time the token stops working.' }),
    user_id: z.string(),
    org_id: z.string(),
    role: Role,
  }),
  { id: 'SessionResponse' },
)
export type SessionResponse = z.infer<typeof SessionResponse>

/**
 * `POST /functions/v1/sessions`, called by a host backend with its org API key.
 * Give `user_id` for a known member, or `email` to find or provision one. `role` sets the
 * member's role (the host is the source of truth); without it a known member keeps theirs
 * and a new one joins as an agent.
 */
export const MintSessionRequest = meta(
  z
    .strictObject({
      user_id: z.optional(z.string().check(z.minLength(1))),
      email: z.optional(z.email('Must be a valid email address').check(z.maxLength(254), z.toLowerCase())),
      name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
      role: z.optional(Role),
    })
    .check(
      z.refine((b) => (b.user_id === undefined) !== (b.email === undefined), {
        message: 'Give exactly one of user_id or email',
        path: ['user_id'],
      }),
    ),
  { id: 'MintSessionRequest', examples: [{ email: 'ada@example.com', name: 'Ada', role: 'agent' }] },
)
export type MintSessionRequest = z.infer<typeof MintSessionRequest>

/** `POST /functions/v1/dev/session` (demo mode only). */
export const DevSessionRequest = meta(
  z.strictObject({
    role: z._default(Role, 'admin'),
    org_slug: meta(z.optional(OrganizationSlug), {
      description: 'Another org (created on first use) for two-tenant checks; the demo org when absent.',
    }),
  }),
  { id: 'DevSessionRequest' },
)
export type DevSessionRequest = z.infer<typeof DevSessionRequest>
