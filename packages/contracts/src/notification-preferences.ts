/** @module My notification preferences (spec: respect user preferences): which events notify me, and auto-subscribe. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'

/** Which events notify me (spec: respect user preferences), one row per member, saved by upsert. */
export const NotificationPreferences = meta(
  z.object({
    id: z.string(),
    user_id: z.string(),
    enabled: z.boolean(),
    new_message_in_my_conversations: z.boolean(),
    conversation_assigned_to_me: z.boolean(),
    all_new_conversations: z.boolean(),
    auto_subscribe: meta(z.boolean(), {
      description:
        'Subscribe this browser on load when permission is already granted (the spec: automatic subscription on login).',
    }),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'NotificationPreferences' },
)
export type NotificationPreferences = z.infer<typeof NotificationPreferences>

/** What a member who never saved gets. */
export const notificationDefaults = {
  enabled: true,
  new_message_in_my_conversations: true,
  conversation_assigned_to_me: true,
  all_new_conversations: false,
  auto_subscribe: true,
} as const

const n = notificationDefaults
export const NotificationPreferencesInsert = meta(
  z.strictObject({
    enabled: z._default(z.boolean(), n.enabled),
    new_message_in_my_conversations: z._default(z.boolean(), n.new_message_in_my_conversations),
    conversation_assigned_to_me: z._default(z.boolean(), n.conversation_assigned_to_me),
    all_new_conversations: z._default(z.boolean(), n.all_new_conversations),
    auto_subscribe: z._default(z.boolean(), n.auto_subscribe),
  }),
  { id: 'NotificationPreferencesInsert', examples: [{ all_new_conversations: true }] },
)
export const NotificationPreferencesUpdate = meta(patchOf(NotificationPreferencesInsert), {
  id: 'NotificationPreferencesUpdate',
})
