/**
 * @module email_boxes (Beta): an org's IMAP/SMTP inboxes. Owners and admins only. Both passwords are encrypted on
 * write and never read (the row says whether each is set); both hosts pass the outbound guard when saved.
 */
import { EmailBox, EmailBoxInsert, EmailBoxUpdate, mailConnectionFields } from '@connectgain/contracts'
import { emailBoxes } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { assertHosts, encryptPassword, PASSWORDS } from './servers.ts'

export const emailBoxesResource = defineResource({
  name: 'email_boxes',
  singular: 'email box',
  description:
    'Email boxes (Beta): IMAP/SMTP inboxes the organization connects. Both passwords are write-only: saved encrypted and never returned (`imap_password_set` and `smtp_password_set` say whether one is saved); a PATCH without a password keeps the saved one. In production both hosts must be public. Test a box with `POST /functions/v1/test-email-box` and send a test message with `POST /functions/v1/send-test-email`. Owners and admins only.',
  table: emailBoxes,
  row: EmailBox,
  insert: EmailBoxInsert,
  update: EmailBoxUpdate,
  deletable: true,
  secret: PASSWORDS,
  idPrefix: 'ebx',
  async beforeWrite(values, { op, config, caller }) {
    assertHosts(values, config.CG_MODE)
    const stored = { ...values }
    for (const column of PASSWORDS) {
      const password = values[column]
      if (typeof password === 'string')
        stored[column] = await encryptPassword(config.ENCRYPTION_KEY, caller.orgId, column, password)
    }
    // The last test was of other settings.
    if (op === 'update' && mailConnectionFields.some((field) => field in values)) stored.last_check = null
    return stored
  },
  afterRead: (row) => ({
    ...row,
    imap_password_set: row.imap_password != null,
    smtp_password_set: row.smtp_password != null,
  }),
  sample: (n) => ({
    name: `Box ${n}`,
    email: `box-${n}@example.com`,
    imap_host: 'imap.example.com',
    imap_port: 993,
    imap_security: 'tls',
    imap_username: `box-${n}@example.com`,
    imap_password: `imap-password-${n}`,
    smtp_host: 'smtp.example.com',
    smtp_port: 587,
    smtp_security: 'starttls',
    smtp_username: `box-${n}@example.com`,
    smtp_password: `smtp-password-${n}`,
  }),
})
