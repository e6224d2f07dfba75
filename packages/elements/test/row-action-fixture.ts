/** @module The kit tests' row action on tags: "Contacts only", asked first, answering what the test sets. */
import type { Tag } from '@connectgain/contracts/tags'
import type { ActionOutcome, RowAction } from '../src/kit/row-actions.ts'
import { rest } from './tabs.ts'

/** A host that says what the action answers, and whose session's token the action's own request uses. */
export interface ActionHost {
  token: string
  outcome: (tag: Tag) => ActionOutcome
}

/** Moves a tag to contacts only (after asking) when the host's outcome is a success, then answers it. */
export const contactsOnly = (host: ActionHost): RowAction<Tag> => ({
  id: 'contacts',
  label: 'Contacts only',
  name: (tag) => `Apply ${tag.name} to contacts only`,
  when: (tag) => tag.scope !== 'contacts',
  confirm: (tag) => ({
    heading: `Apply ${tag.name} to contacts only?`,
    body: 'Conversations lose it.',
    confirmLabel: 'Apply',
  }),
  run: async (tag) => {
    const outcome = host.outcome(tag)
    if (outcome.ok)
      await rest(host.token, `tags?id=eq.${tag.id}`, { method: 'PATCH', body: { scope: 'contacts' } })
    return outcome
  },
})
