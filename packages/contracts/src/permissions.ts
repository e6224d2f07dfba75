/**
 * @module The five roles and THE permission matrix the API enforces and the element reads (the tabs each role
 * sees are role-tabs.ts, which the element's initial chunk imports alone). Free of zod on purpose.
 */
import { type RoleName, roles, roleTabs } from './role-tabs.ts'
import type { TabId } from './tabs.ts'

export { canSeeTab, type RoleName, roles, roleTabs } from './role-tabs.ts'

const admins = ['owner', 'admin'] as const satisfies readonly RoleName[]

/**
 * Access policies: who may read and who may write a resource's rows. A resource names one; the
 * rows a caller sees are further narrowed by the resource's scope (org, or the caller's own rows).
 */
export const policies = {
  /** Organization settings: every member reads them, owners and admins change them. */
  org_settings: { read: roles, write: admins },
  /** Owners and admins only, read and write. */
  admin_only: { read: admins, write: admins },
  /** Owners and admins read; nobody writes over REST (the server writes, e.g. the audit log). */
  admin_read_only: { read: admins, write: [] },
  /** Personal rows (user scope): every member reads and writes their own. */
  personal: { read: roles, write: roles },
  /** Domain data: every member reads; agents write too. */
  domain_data: { read: roles, write: [...admins, 'agent'] },
} as const satisfies Record<string, { read: readonly RoleName[]; write: readonly RoleName[] }>
export type PolicyName = keyof typeof policies

/**
 * Every REST resource the API serves (`/rest/v1/{resource}`) and the policy that guards it.
 * Adding a resource is one line here.
 */
export const resourcePolicies = {
  organizations: 'org_settings',
  audit_log: 'admin_read_only',
  tags: 'org_settings',
  quick_replies: 'org_settings',
  message_templates: 'org_settings', // domain data, but written like a setting: every member reads, owners and admins write
  chat_preferences: 'personal',
  api_keys: 'admin_read_only', // created and revoked through functions, never written over REST
  api_key_usage: 'admin_read_only', // counted by the server as keys are used
  contacts: 'domain_data',
  conversations: 'domain_data',
  messages: 'domain_data',
  companies: 'domain_data',
  deals: 'domain_data',
  tasks: 'domain_data',
  automations: 'domain_data',
  bot_flows: 'domain_data',
  push_subscriptions: 'personal',
  notification_preferences: 'personal',
  webhook_configurations: 'admin_only',
  webhook_deliveries: 'admin_read_only', // one row per attempt, written by the delivery job
  lifecycle_stages: 'org_settings',
  invitations: 'admin_read_only', // made and changed by functions
  teams: 'org_settings', // a team admin changes their own teams through update-team and the team-member functions
  team_members: 'org_settings',
  members: 'org_settings', // the team feature's role rules decide within it; each member sets their own availability by function
  channels: 'org_settings', // agents read names and types only: the resource's own column rule
  email_boxes: 'admin_only',
  sidebar_items: 'org_settings', // every member and API key reads it: the host app draws its sidebar from it
} as const satisfies Record<string, PolicyName>
export type ResourceName = keyof typeof resourcePolicies
export const resourceNames = /* @__PURE__ */ Object.keys(resourcePolicies) as ResourceName[]

/** Every function (`/functions/v1/{name}`) that a signed-in caller may be granted, and who may call it. */
export const functionPolicies = {
  sessions: admins,
  'generate-api-key': admins,
  'revoke-api-key': admins,
  'roll-api-key': admins,
  'webhook-events': admins,
  'reveal-webhook-secret': admins,
  'rotate-webhook-secret': admins,
  'test-webhook': admins,
  'redeliver-webhook': admins,
  'push-config': roles, // every member may subscribe their own devices
  'test-push': roles, // to the caller's own devices
  'delete-lifecycle-stage': admins,
  'reset-sidebar-menu': admins,
  'set-availability': roles, // each member's own
  'invite-member': admins, // only an owner invites an owner
  'resend-invitation': admins,
  'revoke-invitation': admins,
  'update-team': [...admins, 'team_admin'], // a team admin: only the teams they administer
  'add-team-member': [...admins, 'team_admin'],
  'remove-team-member': [...admins, 'team_admin'],
  'test-channel': admins,
  'test-email-box': admins,
  'send-test-email': admins,
  'data-summary': admins,
  'delete-all-data': ['owner'], // the Danger Zone: an admin sees the counts, only an owner deletes
  'render-template': roles, // every member fills a template for the conversation they write in
} as const satisfies Record<string, readonly RoleName[]>
export type FunctionName = keyof typeof functionPolicies
export const functionNames = /* @__PURE__ */ Object.keys(functionPolicies) as FunctionName[]

export interface RolePermissions {
  read: readonly ResourceName[]
  write: readonly ResourceName[]
  call: readonly FunctionName[]
  tabs: readonly TabId[]
}

const allows = (who: readonly RoleName[], role: RoleName): boolean => who.includes(role)

/**
 * THE permission matrix: role → what it may read, write and call, and which tabs it sees, derived from
 * the policies above. The API asks `can()` and `canCall()` on every request (the resource registry and the
 * function dispatcher), the element the same for tabs and read-only forms; both read the policies the matrix is
 * made of, so the element's bundle carries the policies and not the matrix. docs/rest-api.md's role table is
 * checked against it. Change access here and nowhere else.
 */
export const permissionMatrix: Record<RoleName, RolePermissions> = /* @__PURE__ */ Object.fromEntries(
  roles.map((role) => [
    role,
    {
      read: resourceNames.filter((r) => allows(policies[resourcePolicies[r]].read, role)),
      write: resourceNames.filter((r) => allows(policies[resourcePolicies[r]].write, role)),
      call: functionNames.filter((f) => allows(functionPolicies[f], role)),
      tabs: roleTabs[role],
    },
  ]),
) as unknown as Record<RoleName, RolePermissions>

export type Action = 'read' | 'write'

/** May `role` do `action` on `resource`? */
export function can(role: RoleName, action: Action, resource: ResourceName): boolean {
  return allows(policies[resourcePolicies[resource]][action], role)
}

/** May `role` call the function `name`? */
export function canCall(role: RoleName, name: FunctionName): boolean {
  return allows(functionPolicies[name], role)
}
