/**
 * @module email_boxes: IMAP/SMTP inboxes an org connects (Beta). Both passwords are encrypted at rest and never
 * read back.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const mailSecurities = ['tls', 'starttls', 'none'] as const

export const emailBoxes = sqliteTable(
  'email_boxes',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    imap_host: text('imap_host').notNull(),
    imap_port: integer('imap_port').notNull(),
    imap_security: text('imap_security', { enum: mailSecurities }).notNull(),
    imap_username: text('imap_username').notNull(),
    /** AES-256-GCM ciphertext. */
    imap_password: text('imap_password'),
    smtp_host: text('smtp_host').notNull(),
    smtp_port: integer('smtp_port').notNull(),
    smtp_security: text('smtp_security', { enum: mailSecurities }).notNull(),
    smtp_username: text('smtp_username').notNull(),
    /** AES-256-GCM ciphertext. */
    smtp_password: text('smtp_password'),
    /** The last connection test: `{ imap: {ok, code, message}, smtp: {…}, at }`. */
    last_check: text('last_check', { mode: 'json' }).$type<Record<string, unknown>>(),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('email_boxes_org_created').on(t.org_id, t.created_at)],
)
