/** @module The Quick Replies tab: canned replies agents insert by typing `/shortcut`; owners and admins edit. */
import { type QuickReply, QuickReplyInsert, QuickReplyUpdate } from '@connectgain/contracts/quick-replies'
import { msg, str } from '@lit/localize'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { columnOf, fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { firstRequests } from '../first-requests.ts'

/**
 * @tag cg-quick-replies-tab
 * @fires cg-saved - A quick reply was created or changed; `detail.value` is the row the server returned.
 */
export class CgQuickRepliesTab extends ListTab<QuickReply> {
  protected readonly tab = 'quick-replies'
  protected readonly resource = new ResourceController<QuickReply>(this, {
    ...firstRequests['quick-replies'],
    schemas: { insert: QuickReplyInsert, update: QuickReplyUpdate },
  })

  protected texts(): ListTexts<QuickReply> {
    return {
      list: msg('Quick replies', { id: 'qr.list' }),
      empty: msg('Add quick replies that agents insert by typing / and the shortcut.', {
        id: 'qr.empty',
      }),
      create: msg('New quick reply', { id: 'qr.create' }),
      edit: (reply) => msg(str`Edit /${reply.shortcut}`, { id: 'qr.edit' }),
      confirmDelete: (reply) => msg(str`Delete quick reply /${reply.shortcut}?`, { id: 'qr.confirm-delete' }),
      saved: msg('Quick reply saved.', { id: 'qr.saved' }),
      deleted: msg('Quick reply deleted.', { id: 'qr.deleted' }),
      search: msg('Search quick replies', { id: 'qr.search' }),
    }
  }

  protected rowName(reply: QuickReply): string {
    return `/${reply.shortcut}`
  }

  protected columns(): ListColumn<QuickReply>[] {
    return [
      columnOf(QuickReplyInsert, 'shortcut', { class: 'mono', render: (r) => `/${r.shortcut}` }),
      columnOf(QuickReplyInsert, 'content', { class: 'clamp' }),
    ]
  }

  protected fields(): FieldSpec[] {
    return fieldsOf(QuickReplyInsert, ['shortcut', 'content'], { content: { rows: 6 } })
  }
}

defineElement('cg-quick-replies-tab', CgQuickRepliesTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-quick-replies-tab': CgQuickRepliesTab
  }
}
