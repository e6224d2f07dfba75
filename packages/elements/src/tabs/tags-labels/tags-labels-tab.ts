/** @module The Tags & Labels tab: the organization's tags (name, color, what they apply to); owners and admins edit. */
import { type Tag, TagInsert, TagUpdate } from '@connectgain/contracts/tags'
import { msg, str } from '@lit/localize'
import { html } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { columnOf, fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { firstRequests } from '../first-requests.ts'

/**
 * @tag cg-tags-labels-tab
 * @fires cg-saved - A tag was created or changed; `detail.value` is the row the server returned.
 */
export class CgTagsLabelsTab extends ListTab<Tag> {
  protected readonly tab = 'tags-labels'
  protected readonly resource = new ResourceController<Tag>(this, {
    ...firstRequests['tags-labels'],
    schemas: { insert: TagInsert, update: TagUpdate },
  })

  protected texts(): ListTexts<Tag> {
    return {
      list: msg('Tags', { id: 'tags.list' }),
      empty: msg('Add tags to sort conversations and contacts.', { id: 'tags.empty' }),
      create: msg('New tag', { id: 'tags.create' }),
      edit: (tag) => msg(str`Edit tag ${tag.name}`, { id: 'tags.edit' }),
      confirmDelete: (tag) => msg(str`Delete tag ${tag.name}?`, { id: 'tags.confirm-delete' }),
      saved: msg('Tag saved.', { id: 'tags.saved' }),
      deleted: msg('Tag deleted.', { id: 'tags.deleted' }),
    }
  }

  protected rowName(tag: Tag): string {
    return tag.name
  }

  protected columns(): ListColumn<Tag>[] {
    return [
      columnOf(TagInsert, 'name', {
        render: (tag) =>
          html`<span class="swatch" aria-hidden="true" style=${styleMap({ '--swatch': tag.color })}></span>${tag.name}`,
      }),
      columnOf(TagInsert, 'scope'),
      columnOf(TagInsert, 'description', { class: 'clamp muted' }),
    ]
  }

  protected fields(): FieldSpec[] {
    return fieldsOf(TagInsert, ['name', 'color', 'scope', 'description'], { description: { rows: 3 } })
  }
}

defineElement('cg-tags-labels-tab', CgTagsLabelsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-tags-labels-tab': CgTagsLabelsTab
  }
}
