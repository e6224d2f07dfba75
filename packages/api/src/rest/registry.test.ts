import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { registry } from '../resources/index.ts'
import { operations, readableColumns } from './registry.ts'
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

  it('never makes a secret column readable, and every readable column exists', () => {
    for (const resource of [...registry.values(), notesResource]) {
      const columns = Object.keys(getTableColumns(resource.table))
      for (const name of readableColumns(resource)) {
        expect(columns).toContain(name)
        expect(name).not.toMatch(/hash|secret|password|token/)
      }
    }
  })

  it('scopes every resource by an org column of its own table', () => {
    for (const resource of registry.values()) {
      expect(Object.values(getTableColumns(resource.table))).toContain(resource.orgColumn)
    }
  })
})
