/** @module tags: Tags & Labels for conversations and contacts; a name unique per org. */
import { Tag, TagInsert, TagUpdate } from '@connectgain/contracts'
import { tags } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const tagsResource = defineResource({
  name: 'tags',
  description:
    'Tags and labels for conversations and contacts: a name unique in the organization, a color and a scope.',
  table: tags,
  row: Tag,
  insert: TagInsert,
  update: TagUpdate,
  deletable: true,
  idPrefix: 'tag',
  sample: (n) => ({ name: `Tag ${n}`, color: '#2456d3', scope: 'both' }),
})
