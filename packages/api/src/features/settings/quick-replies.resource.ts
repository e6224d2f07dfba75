/** @module quick_replies: canned responses agents insert with `/shortcut`; the shortcut is unique per org. */
import { QuickReply, QuickReplyInsert, QuickReplyUpdate } from '@connectgain/contracts'
import { quickReplies } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const quickRepliesResource = defineResource({
  name: 'quick_replies',
  singular: 'quick reply',
  description:
    'Quick replies: short canned responses an agent inserts by typing `/shortcut` in the composer.',
  table: quickReplies,
  row: QuickReply,
  insert: QuickReplyInsert,
  update: QuickReplyUpdate,
  deletable: true,
  idPrefix: 'qr',
  sample: (n) => ({ shortcut: `reply-${n.toLowerCase()}`, content: `Canned answer ${n}` }),
})
