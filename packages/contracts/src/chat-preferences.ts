/** @module Chat & Contacts: one member's chat and contact display preferences (one row per user, upserted). */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'

export const messageDensities = ['comfortable', 'compact'] as const
export const contactNameFormats = ['first_last', 'last_first'] as const
export const contactSorts = ['last_activity', 'name', 'created_at'] as const

export const ChatPreferences = meta(
  z.object({
    id: z.string(),
    user_id: z.string(),
    message_density: z.enum(messageDensities),
    enter_to_send: z.boolean(),
    show_avatars: z.boolean(),
    contact_name_format: z.enum(contactNameFormats),
    default_contact_sort: z.enum(contactSorts),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'ChatPreferences' },
)
export type ChatPreferences = z.infer<typeof ChatPreferences>

/** Every preference has a default: a member who never saved sees these. */
export const chatPreferenceDefaults = {
  message_density: 'comfortable',
  enter_to_send: true,
  show_avatars: true,
  contact_name_format: 'first_last',
  default_contact_sort: 'last_activity',
} as const satisfies Partial<ChatPreferences>

const d = chatPreferenceDefaults
export const ChatPreferencesInsert = meta(
  z.strictObject({
    message_density: ui(z._default(z.enum(messageDensities), d.message_density), {
      id: 'chat.density',
      label: 'Message density',
      options: { comfortable: 'Comfortable', compact: 'Compact' },
    }),
    enter_to_send: ui(
      z._default(
        meta(z.boolean(), {
          description: 'Enter sends; Shift+Enter adds a line. When false, Ctrl/⌘+Enter sends.',
        }),
        d.enter_to_send,
      ),
      {
        id: 'chat.enter',
        label: 'Press Enter to send',
        help: 'Shift+Enter adds a line. When off, Ctrl+Enter (⌘+Enter) sends.',
      },
    ),
    show_avatars: ui(z._default(z.boolean(), d.show_avatars), { id: 'chat.avatars', label: 'Show avatars' }),
    contact_name_format: ui(z._default(z.enum(contactNameFormats), d.contact_name_format), {
      id: 'chat.name',
      label: 'Contact name format',
      options: { first_last: 'First Last', last_first: 'Last, First' },
    }),
    default_contact_sort: ui(z._default(z.enum(contactSorts), d.default_contact_sort), {
      id: 'chat.sort',
      label: 'Sort contacts by',
      options: { last_activity: 'Last activity', name: 'Name', created_at: 'Date created' },
    }),
  }),
  { id: 'ChatPreferencesInsert', examples: [{ message_density: 'compact', enter_to_send: false }] },
)
export type ChatPreferencesInsert = z.input<typeof ChatPreferencesInsert>

export const ChatPreferencesUpdate = meta(patchOf(ChatPreferencesInsert), { id: 'ChatPreferencesUpdate' })
export type ChatPreferencesUpdate = z.infer<typeof ChatPreferencesUpdate>
