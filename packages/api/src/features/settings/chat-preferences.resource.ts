/** @module chat_preferences: each member's own chat and contact display preferences, one row, saved by upsert. */
import { ChatPreferences, ChatPreferencesInsert, ChatPreferencesUpdate } from '@connectgain/contracts'
import { chatPreferences } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const chatPreferencesResource = defineResource({
  name: 'chat_preferences',
  singular: 'chat preferences row',
  description:
    'Your own chat and contact display preferences (one row per member). Save with an upsert: `POST ?on_conflict=user_id` and `Prefer: resolution=merge-duplicates`.',
  scope: 'user',
  table: chatPreferences,
  row: ChatPreferences,
  insert: ChatPreferencesInsert,
  update: ChatPreferencesUpdate,
  deletable: true,
  idPrefix: 'cpref',
  sample: () => ({ message_density: 'compact', enter_to_send: false }),
})
