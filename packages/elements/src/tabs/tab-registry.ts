/** @module The tabs the shell knows: labels, and the lazily imported chunk of each tab that has landed. */
import type { RoleName } from '@connectgain/contracts/role-tabs'
import type { CategoryId, TabId } from '@connectgain/contracts/tabs'
import { msg } from '@lit/localize'

export const categoryLabels: Record<CategoryId, () => string> = {
  'my-preferences': () => msg('My Preferences', { id: 'cat.my-preferences' }),
  workspace: () => msg('Workspace', { id: 'cat.workspace' }),
  'inbox-messaging': () => msg('Inbox & Messaging', { id: 'cat.inbox-messaging' }),
  'ai-automation': () => msg('AI & Automation', { id: 'cat.ai-automation' }),
  'storage-developer': () => msg('Storage & Developer', { id: 'cat.storage-developer' }),
  'danger-zone': () => msg('Danger Zone', { id: 'cat.danger-zone' }),
}

/** The roles in words, for the notice a deep link the role may not open shows. */
export const roleLabels: Record<RoleName, () => string> = {
  owner: () => msg('Owner', { id: 'role.owner' }),
  admin: () => msg('Admin', { id: 'role.admin' }),
  agent: () => msg('Agent', { id: 'role.agent' }),
  project_manager: () => msg('Project manager', { id: 'role.project_manager' }),
  team_admin: () => msg('Team admin', { id: 'role.team_admin' }),
}

export const tabLabels: Record<TabId, () => string> = {
  notifications: () => msg('Notifications', { id: 'tab.notifications' }),
  'chat-contacts': () => msg('Chat & Contacts', { id: 'tab.chat-contacts' }),
  'inbox-layout': () => msg('Inbox Layout', { id: 'tab.inbox-layout' }),
  organization: () => msg('Organization', { id: 'tab.organization' }),
  'team-members': () => msg('Team Members', { id: 'tab.team-members' }),
  teams: () => msg('Teams', { id: 'tab.teams' }),
  'sidebar-menu': () => msg('Sidebar Menu', { id: 'tab.sidebar-menu' }),
  activity: () => msg('Activity', { id: 'tab.activity' }),
  channels: () => msg('Channels', { id: 'tab.channels' }),
  'email-boxes': () => msg('Email Boxes (Beta)', { id: 'tab.email-boxes' }),
  'message-templates': () => msg('Message Templates', { id: 'tab.message-templates' }),
  'quick-replies': () => msg('Quick Replies', { id: 'tab.quick-replies' }),
  'whatsapp-templates': () => msg('WhatsApp Templates', { id: 'tab.whatsapp-templates' }),
  'tags-labels': () => msg('Tags & Labels', { id: 'tab.tags-labels' }),
  'lifecycle-stages': () => msg('Lifecycle Stages', { id: 'tab.lifecycle-stages' }),
  'sla-escalation': () => msg('SLA & Escalation', { id: 'tab.sla-escalation' }),
  'external-pages': () => msg('External Pages', { id: 'tab.external-pages' }),
  'ai-provider': () => msg('AI Provider', { id: 'tab.ai-provider' }),
  'ai-re-engagement': () => msg('AI Re-Engagement', { id: 'tab.ai-re-engagement' }),
  'ai-summaries': () => msg('AI Summaries', { id: 'tab.ai-summaries' }),
  'enrichment-tools': () => msg('Enrichment Tools', { id: 'tab.enrichment-tools' }),
  'call-intelligence': () => msg('Call Intelligence', { id: 'tab.call-intelligence' }),
  'media-storage': () => msg('Media Storage', { id: 'tab.media-storage' }),
  'storage-usage': () => msg('Storage Usage & Cleanup', { id: 'tab.storage-usage' }),
  'api-keys': () => msg('API Keys', { id: 'tab.api-keys' }),
  webhooks: () => msg('Webhooks', { id: 'tab.webhooks' }),
  'danger-zone': () => msg('Danger Zone', { id: 'tab.danger-zone' }),
}

/** Tabs that have landed, each a chunk of its own that defines `cg-<id>-tab`. The rest say "not available yet". */
export const tabLoaders: Partial<Record<TabId, () => Promise<unknown>>> = {
  activity: () => import('./activity/activity-tab.ts'),
  'api-keys': () => import('./api-keys/api-keys-tab.ts'),
  channels: () => import('./channels/channels-tab.ts'),
  'chat-contacts': () => import('./chat-contacts/chat-contacts-tab.ts'),
  'danger-zone': () => import('./danger-zone/danger-zone-tab.ts'),
  'email-boxes': () => import('./email-boxes/email-boxes-tab.ts'),
  'lifecycle-stages': () => import('./lifecycle-stages/lifecycle-stages-tab.ts'),
  'message-templates': () => import('./message-templates/message-templates-tab.ts'),
  notifications: () => import('./notifications/notifications-tab.ts'),
  organization: () => import('./organization/organization-tab.ts'),
  'quick-replies': () => import('./quick-replies/quick-replies-tab.ts'),
  'sidebar-menu': () => import('./sidebar-menu/sidebar-menu-tab.ts'),
  'tags-labels': () => import('./tags-labels/tags-labels-tab.ts'),
  'team-members': () => import('./team-members/team-members-tab.ts'),
  teams: () => import('./teams/teams-tab.ts'),
  webhooks: () => import('./webhooks/webhooks-tab.ts'),
}

/** What the shell asks of a loaded tab element. */
export interface TabElement extends HTMLElement {
  /** True while the tab has changes the user has not saved. */
  readonly hasUnsavedChanges?: boolean
}
