/** @module Spanish, the locale localization.ts loads: every area's own catalog spread into one object. */
import { templates as api } from '../../api/api.es.ts'
import { templates as form } from '../../form/form.es.ts'
import { templates as kit } from '../../kit/kit.es.ts'
import { templates as activity } from '../../tabs/activity/activity.es.ts'
import { templates as apiKeys } from '../../tabs/api-keys/api-keys.es.ts'
import { templates as channels } from '../../tabs/channels/channels.es.ts'
import { templates as chatContacts } from '../../tabs/chat-contacts/chat-contacts.es.ts'
import { templates as dangerZone } from '../../tabs/danger-zone/danger-zone.es.ts'
import { templates as emailBoxes } from '../../tabs/email-boxes/email-boxes.es.ts'
import { templates as lifecycleStages } from '../../tabs/lifecycle-stages/lifecycle-stages.es.ts'
import { templates as messageTemplates } from '../../tabs/message-templates/message-templates.es.ts'
import { templates as notifications } from '../../tabs/notifications/notifications.es.ts'
import { templates as organization } from '../../tabs/organization/organization.es.ts'
import { templates as quickReplies } from '../../tabs/quick-replies/quick-replies.es.ts'
import { templates as sidebarMenu } from '../../tabs/sidebar-menu/sidebar-menu.es.ts'
import { templates as tagsLabels } from '../../tabs/tags-labels/tags-labels.es.ts'
import { templates as teamMembers } from '../../tabs/team-members/team-members.es.ts'
import { templates as teams } from '../../tabs/teams/teams.es.ts'
import { templates as webhooks } from '../../tabs/webhooks/webhooks.es.ts'
import { templates as shell } from '../shell.es.ts'

// Ids are the `msg(…, { id })` ids; catalog.node.test.ts checks each is in the .es.ts of the area using it.
// In a `str` template, `${0}`, `${1}`… stand for the English message's expressions, in their order there.
export const templates = {
  ...shell,
  ...api,
  ...kit,
  ...form,
  ...activity,
  ...apiKeys,
  ...channels,
  ...chatContacts,
  ...dangerZone,
  ...emailBoxes,
  ...lifecycleStages,
  ...messageTemplates,
  ...notifications,
  ...organization,
  ...quickReplies,
  ...sidebarMenu,
  ...tagsLabels,
  ...teamMembers,
  ...teams,
  ...webhooks,
}
