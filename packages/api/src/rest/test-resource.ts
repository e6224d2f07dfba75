/** @module Test-only `notes` table and resource: enough columns of every type to exercise the REST engine. */
import type { Db } from '@connectgain/db'
import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import { defineResource } from './registry.ts'

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    org_id: text('org_id').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    priority: integer('priority').notNull(),
    done: integer('done', { mode: 'boolean' }).notNull(),
    due_at: text('due_at'),
    /** A secret column: stored, never readable nor writable over REST. */
    secret_hash: text('secret_hash'),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('notes_org_title').on(t.org_id, t.title)],
)

/** Creates the `notes` table (the migrations know nothing of it) in a test database. */
export async function createNotesTable(db: Db): Promise<void> {
  await db.run(sql`CREATE TABLE notes (
    id text PRIMARY KEY NOT NULL,
    org_id text NOT NULL,
    title text NOT NULL,
    body text,
    priority integer NOT NULL,
    done integer NOT NULL,
    due_at text,
    secret_hash text,
    created_at text NOT NULL,
    updated_at text NOT NULL
  )`)
  await db.run(sql`CREATE UNIQUE INDEX notes_org_title ON notes (org_id, title)`)
}

export const NoteRow = z.object({
  id: z.string(),
  org_id: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  priority: z.number().int(),
  done: z.boolean(),
  due_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
})
export type NoteRow = z.infer<typeof NoteRow>

export const NoteInsert = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().nullable().optional(),
  priority: z.number().int().min(0).max(5),
  done: z.boolean().default(false),
  due_at: z.string().nullable().optional(),
})

/**
 * Every insert field, optional. Spelled out rather than `NoteInsert.partial()`: zod 4 still applies
 * `done`'s default inside an optional, so a PATCH of `{title}` would silently reset `done` to false.
 */
export const NoteUpdate = z.strictObject({
  title: z.string().min(1).max(200).optional(),
  body: z.string().nullable().optional(),
  priority: z.number().int().min(0).max(5).optional(),
  done: z.boolean().optional(),
  due_at: z.string().nullable().optional(),
})

export const notesResource = defineResource({
  name: 'notes',
  policy: 'organizations',
  description: 'Test-only notes: text, integer, boolean and nullable columns, plus a secret one.',
  table: notes,
  secret: ['secret_hash'],
  row: NoteRow,
  insert: NoteInsert,
  update: NoteUpdate,
  deletable: true,
  idPrefix: 'note',
})
