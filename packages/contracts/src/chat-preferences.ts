/** @module Chat & Contacts: one member's chat and contact display preferences (one row per user, upserted). */
import { z } from 'zod'
import { patchOf } from './patch.ts'

export const messageDensities = ['comfortable', 'compact'] as const
export const contactNameFormats = ['first_last', 'last_first'] as const
export const contactSorts = ['last_activity', 'name', 'created_at'] as const

export const ChatPreferences = z
  .object({
    id: z.string(),
    user_id: z.string(),
    message_density: z.enum(messageDensities),
    enter_to_send: z.boolean(),
    show_avatars: z.boolean(),
    contact_name_format: z.enum(contactNameFormats),
    default_contact_sort: z.enum(contactSorts),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'ChatPreferences' })
export type ChatPreferences = z.infer<typeof ChatPreferences>

/** Every preference has a default: a member who never saved sees these. */
export const chatPreferenceDefaults = {
  message_density: 'comfortable',
  enter_to_send: true,
  show_avatars: true,
  contact_name_format: 'first_last',
  default_contact_sort: 'last_activity',
} as const satisfies Partial<ChatPreferences>

export const ChatPreferencesInsert = z
  .strictObject({
    message_density: z.enum(messageDensities).default(chatPreferenceDefaults.message_density),
    enter_to_send: z
      .boolean()
      .default(chatPreferenceDefaults.enter_to_send)
      .meta({ description: 'Enter sends; Shift+Enter adds a line. When false, Ctrl/⌘+Enter sends.' }),
    show_avatars: z.boolean().default(chatPreferenceDefaults.show_avatars),
    contact_name_format: z.enum(contactNameFormats).default(chatPreferenceDefaults.contact_name_format),
    default_contact_sort: z.enum(contactSorts).default(chatPreferenceDefaults.default_contact_sort),
  })
  .meta({ id: 'ChatPreferencesInsert', examples: [{ message_density: 'compact', enter_to_send: false }] })
export type ChatPreferencesInsert = z.input<typeof ChatPreferencesInsert>

export const ChatPreferencesUpdate = patchOf(ChatPreferencesInsert).meta({ id: 'ChatPreferencesUpdate' })
export type ChatPreferencesUpdate = z.infer<typeof ChatPreferencesUpdate>
