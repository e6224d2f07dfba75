import { describe, expect, it } from 'vitest'
import {
  can,
  canCall,
  canSeeTab,
  permissionMatrix,
  policies,
  resourceNames,
  resourcePolicies,
  roles,
} from './permissions.ts'
import { settingsCategories, tabIds } from './tabs.ts'

describe('permission matrix', () => {
  it('has an entry for every role', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...roles].sort())
  })

  it('lets owners and admins change the organization, and nobody else', () => {
    const writers = roles.filter((role) => can(role, 'write', 'organizations'))
    expect(writers).toEqual(['owner', 'admin'])
  })

  it('lets every role read the organization', () => {
    expect(roles.every((role) => can(role, 'read', 'organizations'))).toBe(true)
  })

  it('lets only owners and admins mint sessions', () => {
    expect(roles.filter((role) => canCall(role, 'sessions'))).toEqual(['owner', 'admin'])
  })

  it('derives every resource from its policy: settings for every reader, personal rows for every writer', () => {
    expect(roles.every((role) => can(role, 'read', 'tags') && can(role, 'read', 'quick_replies'))).toBe(true)
    expect(roles.filter((role) => can(role, 'write', 'tags'))).toEqual(['owner', 'admin'])
    expect(roles.every((role) => can(role, 'write', 'chat_preferences'))).toBe(true)
    expect(roles.filter((role) => can(role, 'read', 'audit_log'))).toEqual(['owner', 'admin'])
    expect(roles.filter((role) => can(role, 'write', 'audit_log'))).toEqual([])
    for (const name of resourceNames) expect(Object.keys(policies)).toContain(resourcePolicies[name])
  })

  it('never grants a write without the read', () => {
    for (const role of roles) {
      for (const resource of permissionMatrix[role].write) expect(can(role, 'read', resource)).toBe(true)
    }
  })
})

describe('tabs in the matrix', () => {
  it('shows admin-level tabs only to owners and admins', () => {
    for (const tab of ['api-keys', 'webhooks', 'channels', 'danger-zone'] as const) {
      expect(roles.filter((role) => canSeeTab(role, tab))).toEqual(['owner', 'admin'])
    }
  })

  it('shows personal preferences, the organization and its members to everyone, and teams to team admins', () => {
    for (const tab of [
      'notifications',
      'chat-contacts',
      'inbox-layout',
      'organization',
      'team-members',
    ] as const) {
      expect(roles.every((role) => canSeeTab(role, tab))).toBe(true)
    }
    expect(roles.filter((role) => canSeeTab(role, 'teams'))).toEqual(['owner', 'admin', 'team_admin'])
  })

  it("lists the spec's 26 tabs and Activity in six categories", () => {
    expect(settingsCategories).toHaveLength(6)
    expect(tabIds).toHaveLength(27)
    expect(new Set(tabIds).size).toBe(27)
  })
})
