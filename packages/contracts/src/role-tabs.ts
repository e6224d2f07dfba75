/**
 * @module The roles and the settings tabs each may see: all the shell needs (permissions.ts adds the resources
 * and functions, and re-exports these), so the element's initial chunk carries no resource policies.
 */
import { type TabId, tabIds } from './tabs.ts'

export const roles = ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] as const
export type RoleName = (typeof roles)[number]

const personal = ['notifications', 'chat-contacts', 'inbox-layout'] as const satisfies readonly TabId[]

/** Settings tabs shown to each role; a tab's data is still guarded by its resource's policy on the server. */
export const roleTabs: Record<RoleName, readonly TabId[]> = {
  owner: tabIds,
  admin: tabIds,
  agent: [...personal, 'organization', 'team-members'],
  project_manager: [...personal, 'organization', 'team-members'],
  team_admin: [...personal, 'organization', 'team-members', 'teams'],
}

/** May `role` see the settings tab `tab`? */
export function canSeeTab(role: RoleName, tab: TabId): boolean {
  return roleTabs[role].includes(tab)
}
