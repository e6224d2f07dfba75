import { describe, expect, it } from 'vitest'
import { can, canCall, permissionMatrix, roles } from './roles.ts'

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

  it('never grants a write without the read', () => {
    for (const role of roles) {
      for (const resource of permissionMatrix[role].write) expect(can(role, 'read', resource)).toBe(true)
    }
  })
})
