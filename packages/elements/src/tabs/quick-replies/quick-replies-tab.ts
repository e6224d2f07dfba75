/** @module The Quick Replies tab: canned replies agents insert by typing `/shortcut`; owners and admins edit. */
import { type QuickReply, QuickReplyInsert, QuickReplyUpdate } from '@connectgain/contracts/quick-replies'
import { msg, str } from '@lit/localize'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'

/**
 * @tag cg-quick-replies-tab
 * @fires cg-saved - A quick reply was created or changed; `detail.value` is the row the server returned.
 */
export class CgQuickRepliesTab extends ListTab<QuickReply> {
  protected readonly tab = 'quick-replies'
  protected readonly resource = new ResourceController<QuickReply>(this, {
    name: 'quick_replies',
    shape: 'list',
    columns: ['id', 'shortcut', 'content'],
    order: 'shortcut.asc',
    search: ['shortcut', 'content'],
    schemas: { insert: QuickReplyInsert, update: QuickReplyUpdate },
  })

  protected texts(): ListTexts<QuickReply> {
    return {
      list: msg('Quick replies', { id: 'qr.list' }),
      empty: msg('No quick replies yet. Agents insert them by typing / and the shortcut.', {
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
      {
        key: 'shortcut',
        label: msg('Shortcut', { id: 'qr.shortcut' }),
        class: 'mono',
        render: (r) => `/${r.shortcut}`,
      },
      { key: 'content', label: msg('Reply', { id: 'qr.content' }), class: 'clamp' },
    ]
  }

  protected fields(): FieldSpec[] {
    return [
      {
        kind: 'text',
        name: 'shortcut',
        label: msg('Shortcut', { id: 'qr.shortcut' }),
        help: msg('Agents type / and this shortcut to insert the reply, e.g. thanks.', {
          id: 'qr.shortcut-help',
        }),
        required: true,
        maxlength: 32,
      },
      {
        kind: 'textarea',
        name: 'content',
        label: msg('Reply', { id: 'qr.content' }),
        required: true,
        maxlength: 2000,
        rows: 6,
      },
    ]
  }
}

defineElement('cg-quick-replies-tab', CgQuickRepliesTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-quick-replies-tab': CgQuickRepliesTab
  }
}
