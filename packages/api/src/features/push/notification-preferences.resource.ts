/** @module notification_preferences: which events notify each member (user scope, one row, saved by upsert). */
import {
  NotificationPreferences,
  NotificationPreferencesInsert,
  NotificationPreferencesUpdate,
} from '@connectgain/contracts'
import { notificationPreferences } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const notificationPreferencesResource = defineResource({
  name: 'notification_preferences',
  singular: 'notification preferences row',
  description:
    'Your own notification preferences (one row per member): whether notifications are on, which events notify you (a new message in your conversations, a conversation assigned to you, every new conversation) and whether this browser subscribes on load. Save with an upsert: `POST ?on_conflict=user_id` and `Prefer: resolution=merge-duplicates`.',
  scope: 'user',
  table: notificationPreferences,
  row: NotificationPreferences,
  insert: NotificationPreferencesInsert,
  update: NotificationPreferencesUpdate,
  deletable: true,
  idPrefix: 'npref',
  sample: () => ({ all_new_conversations: true, auto_subscribe: false }),
})
