/** @module The org's and each member's own settings: organization, tags, quick replies, chat preferences. */
import type { Feature } from '../../feature.ts'
import { chatPreferencesResource } from './chat-preferences.resource.ts'
import { organizationsResource } from './organizations.resource.ts'
import { quickRepliesResource } from './quick-replies.resource.ts'
import { tagsResource } from './tags.resource.ts'

export const settingsFeature: Feature = {
  name: 'settings',
  resources: [organizationsResource, tagsResource, quickRepliesResource, chatPreferencesResource],
}
