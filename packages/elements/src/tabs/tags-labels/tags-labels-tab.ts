/** @module The Tags & Labels tab: the organization's tags (name, colour, what they apply to); owners and admins edit. */
import { type Tag, TagInsert, type TagScope, TagUpdate } from '@connectgain/contracts/tags'
import { msg, str } from '@lit/localize'
import { html } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { type FieldSpec, optionsOf } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'

const scopes: Record<TagScope, () => string> = {
  conversations: () => msg('Conversations', { id: 'tags.scope.conversations' }),
  contacts: () => msg('Contacts', { id: 'tags.scope.contacts' }),
  both: () => msg('Conversations and contacts', { id: 'tags.scope.both' }),
}

/**
 * @tag cg-tags-labels-tab
 * @fires cg-saved - A tag was created or changed; `detail.value` is the row the server returned.
 */
export class CgTagsLabelsTab extends ListTab<Tag> {
  protected readonly tab = 'tags-labels'
  protected readonly resource = new ResourceController<Tag>(this, {
    name: 'tags',
    shape: 'list',
    columns: ['id', 'name', 'color', 'scope', 'description'],
    order: 'name.asc',
    schemas: { insert: TagInsert, update: TagUpdate },
  })

  protected texts(): ListTexts<Tag> {
    return {
      list: msg('Tags', { id: 'tags.list' }),
      empty: msg('No tags yet. Tags sort conversations and contacts.', { id: 'tags.empty' }),
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
      {
        key: 'name',
        label: msg('Name', { id: 'tags.name' }),
        render: (tag) =>
          html`<span class="swatch" aria-hidden="true" style=${styleMap({ '--swatch': tag.color })}></span>${tag.name}`,
      },
      { key: 'scope', label: msg('Applies to', { id: 'tags.scope' }), render: (tag) => scopes[tag.scope]() },
      { key: 'description', label: msg('Description', { id: 'tags.description' }), class: 'clamp muted' },
    ]
  }

  protected fields(): FieldSpec[] {
    return [
      { kind: 'text', name: 'name', label: msg('Name', { id: 'tags.name' }), required: true, maxlength: 50 },
      { kind: 'color', name: 'color', label: msg('Colour', { id: 'tags.color' }) },
      {
        kind: 'select',
        name: 'scope',
        label: msg('Applies to', { id: 'tags.scope' }),
        options: optionsOf(scopes),
      },
      {
        kind: 'textarea',
        name: 'description',
        label: msg('Description', { id: 'tags.description' }),
        maxlength: 200,
        rows: 3,
      },
    ]
  }
}

defineElement('cg-tags-labels-tab', CgTagsLabelsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-tags-labels-tab': CgTagsLabelsTab
  }
}
