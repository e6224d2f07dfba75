import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { idColumn, orgColumn, timestamps } from './columns.ts'
import { contacts } from './contacts.ts'
import { tags } from './tags.ts'

describe('shared columns', () => {
  it('returns new builders on every call', () => {
    expect(idColumn()).not.toBe(idColumn())
    expect(orgColumn()).not.toBe(orgColumn())
    expect(timestamps().created_at).not.toBe(timestamps().created_at)
  })

  it('gives each table its own columns, with the org foreign key', () => {
    expect(tags.id).not.toBe(contacts.id)
    expect(tags.org_id.table).toBe(tags)
    const [fk] = getTableConfig(tags).foreignKeys
    expect(fk?.getName()).toBe('tags_org_id_organizations_id_fk')
    expect(fk?.onDelete).toBe('cascade')
  })
})
