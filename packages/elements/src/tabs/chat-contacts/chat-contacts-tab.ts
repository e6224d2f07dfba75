/** @module The Chat & Contacts tab: the member's own chat and contact display preferences, for every role. */
import {
  type ChatPreferences,
  ChatPreferencesUpdate,
  chatPreferenceDefaults as defaults,
} from '@connectgain/contracts/chat-preferences'
import { msg } from '@lit/localize'
import { defineElement } from '../../define.ts'
import { type FieldSpec, optionsOf } from '../../kit/fields.ts'
import { FormTab } from '../../kit/form-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'

type Labels<K extends keyof ChatPreferences> = Record<ChatPreferences[K] & string, () => string>

const densities: Labels<'message_density'> = {
  comfortable: () => msg('Comfortable', { id: 'chat.density.comfortable' }),
  compact: () => msg('Compact', { id: 'chat.density.compact' }),
}
const nameFormats: Labels<'contact_name_format'> = {
  first_last: () => msg('First Last', { id: 'chat.name.first-last' }),
  last_first: () => msg('Last, First', { id: 'chat.name.last-first' }),
}
const sorts: Labels<'default_contact_sort'> = {
  last_activity: () => msg('Last activity', { id: 'chat.sort.last-activity' }),
  name: () => msg('Name', { id: 'chat.sort.name' }),
  created_at: () => msg('Date created', { id: 'chat.sort.created' }),
}

/**
 * @tag cg-chat-contacts-tab
 * @fires cg-saved - The preferences were saved; `detail.value` is the row the server returned.
 */
export class CgChatContactsTab extends FormTab<ChatPreferences> {
  protected readonly tab = 'chat-contacts'
  protected readonly resource = new ResourceController<ChatPreferences>(this, {
    name: 'chat_preferences',
    shape: 'own',
    columns: ['id', ...(Object.keys(defaults) as (keyof typeof defaults)[])],
    defaults,
    schemas: { update: ChatPreferencesUpdate },
  })

  protected savedText(): string {
    return msg('Chat preferences saved.', { id: 'chat.saved' })
  }

  protected fields(): FieldSpec[] {
    return [
      {
        kind: 'select',
        name: 'message_density',
        label: msg('Message density', { id: 'chat.density' }),
        options: optionsOf(densities),
      },
      {
        kind: 'toggle',
        name: 'enter_to_send',
        label: msg('Press Enter to send', { id: 'chat.enter' }),
        help: msg('Shift+Enter adds a line. When off, Ctrl+Enter (⌘+Enter) sends.', {
          id: 'chat.enter-help',
        }),
      },
      { kind: 'toggle', name: 'show_avatars', label: msg('Show avatars', { id: 'chat.avatars' }) },
      {
        kind: 'select',
        name: 'contact_name_format',
        label: msg('Contact name format', { id: 'chat.name' }),
        options: optionsOf(nameFormats),
      },
      {
        kind: 'select',
        name: 'default_contact_sort',
        label: msg('Sort contacts by', { id: 'chat.sort' }),
        options: optionsOf(sorts),
      },
    ]
  }
}

defineElement('cg-chat-contacts-tab', CgChatContactsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-chat-contacts-tab': CgChatContactsTab
  }
}
