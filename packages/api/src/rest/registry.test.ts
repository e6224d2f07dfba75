import { resourcePolicies } from '@connectgain/contracts'
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { registry } from '../app.ts'
import { defineResource, filterableFor, operations, readableColumns, readableFor } from './registry.ts'
import { notesResource } from './test-resource.ts'

describe('resource registry', () => {
  it('serves organizations for reading and updating only', () => {
    const organizations = registry.get('organizations')
    expect(organizations && operations(organizations)).toEqual(['select', 'update'])
    expect(organizations && readableColumns(organizations)).toEqual([
      'id',
      'name',
      'slug',
      'timezone',
      'currency',
      'created_at',
      'updated_at',
    ])
  })

  it('derives operations from what a resource declares', () => {
    expect(operations(notesResource)).toEqual(['select', 'insert', 'update', 'delete'])
  })

  it('never makes a secret column readable, and every readable column exists or is derived by afterRead', () => {
    // Named like secrets, and meant to be read: Meta's verify token is pasted into its console beside the
    // callback URL; the API channel's inbound token is filled in only for the POST that creates the channel.
    // An email box's `*_password_set` only says whether a password is saved.
    const notSecret = new Set([
      'channels.verify_token',
      'channels.inbound_token',
      'email_boxes.imap_password_set',
      'email_boxes.smtp_password_set',
    ])
    for (const resource of [...registry.values(), notesResource]) {
      const columns = Object.keys(getTableColumns(resource.table))
      if (resource.derived.length) expect(resource.afterRead, resource.name).toBeTypeOf('function')
      for (const name of readableColumns(resource)) {
        expect([...columns, ...resource.derived]).toContain(name)
        if (!notSecret.has(`${resource.name}.${name}`)) expect(name).not.toMatch(/hash|secret|password|token/)
      }
    }
  })

  it('limits a role to the columns columnsFor names, in the order the row declares them', () => {
    const limited = defineResource({
      ...notesResource,
      name: 'x',
      columnsFor: { agent: ['title', 'id'], team_admin: ['id'] },
    })
    expect(readableFor(limited, 'agent')).toEqual(['id', 'title'])
    expect(readableFor(limited, 'team_admin')).toEqual(['id'])
    expect(readableFor(limited, 'admin')).toEqual(readableColumns(limited))
    expect(Object.keys(filterableFor(limited, 'agent'))).toEqual(['id', 'title'])
    expect(filterableFor(limited, 'owner')).toBe(limited.columns)
  })

  it('refuses columnsFor naming a column that is not readable (a secret one included)', () => {
    expect(() =>
      defineResource({ ...notesResource, name: 'x', columnsFor: { agent: ['secret_hash'] } }),
    ).toThrow(/columnsFor.agent names 'secret_hash'/)
    expect(() => defineResource({ ...notesResource, name: 'x', columnsFor: { agent: ['nope'] } })).toThrow(
      /not readable/,
    )
  })

  it('scopes every resource by an org column of its own table, and user-scoped ones by user_id too', () => {
    for (const resource of registry.values()) {
      const columns = Object.keys(getTableColumns(resource.table))
      expect(columns).toContain(resource.orgColumn)
      if (resource.scope === 'user') expect(columns).toContain('user_id')
    }
  })

  it('gives every resource a row of the permission matrix', () => {
    for (const resource of registry.values()) expect(Object.keys(resourcePolicies)).toContain(resource.name)
    expect([...registry.keys()].sort()).toEqual(Object.keys(resourcePolicies).sort())
  })

  it('reads the server-set columns off each table: none of them is accepted from a body', () => {
    expect([...notesResource.serverColumns].sort()).toEqual(['created_at', 'id', 'org_id', 'updated_at'])
    const organizations = registry.get('organizations')
    expect(organizations && [...organizations.serverColumns].sort()).toEqual([
      'created_at',
      'id',
      'updated_at',
    ])
    const prefs = registry.get('chat_preferences')
    expect(prefs && [...prefs.serverColumns]).toContain('user_id')
  })

  it('refuses a declaration whose secret or scope column the table lacks', () => {
    expect(() => defineResource({ ...notesResource, name: 'x', secret: ['nope'] })).toThrow(
      /no column 'nope'/,
    )
    expect(() => defineResource({ ...notesResource, name: 'x', scope: 'user' })).toThrow(
      /no column 'user_id'/,
    )
    expect(() => defineResource({ ...notesResource, name: 'x', policy: undefined })).toThrow(
      /resourcePolicies/,
    )
  })
})
