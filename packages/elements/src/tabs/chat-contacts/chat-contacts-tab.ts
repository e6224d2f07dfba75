/** @module The Chat & Contacts tab: the member's own chat and contact display preferences, for every role. */
import {
  type ChatPreferences,
  ChatPreferencesInsert,
  ChatPreferencesUpdate,
  chatPreferenceDefaults as defaults,
} from '@connectgain/contracts/chat-preferences'
import { msg } from '@lit/localize'
import { defineElement } from '../../define.ts'
import { fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FormTab } from '../../kit/form-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'

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
    return fieldsOf(ChatPreferencesInsert, [
      'message_density',
      'enter_to_send',
      'show_avatars',
      'contact_name_format',
      'default_contact_sort',
    ])
  }
}

defineElement('cg-chat-contacts-tab', CgChatContactsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-chat-contacts-tab': CgChatContactsTab
  }
}
