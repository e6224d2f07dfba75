/** @module The settings hub's six categories, the spec's 26 tab ids and Activity (the audit log; fixed by DESIGN.md), in display order. */

export const settingsCategories = [
  { id: 'my-preferences', tabs: ['notifications', 'chat-contacts', 'inbox-layout'] },
  { id: 'workspace', tabs: ['organization', 'team-members', 'teams', 'sidebar-menu', 'activity'] },
  {
    id: 'inbox-messaging',
    tabs: [
      'channels',
      'email-boxes',
      'message-templates',
      'quick-replies',
      'whatsapp-templates',
      'tags-labels',
      'lifecycle-stages',
      'sla-escalation',
      'external-pages',
    ],
  },
  {
    id: 'ai-automation',
    tabs: ['ai-provider', 'ai-re-engagement', 'ai-summaries', 'enrichment-tools', 'call-intelligence'],
  },
  { id: 'storage-developer', tabs: ['media-storage', 'storage-usage', 'api-keys', 'webhooks'] },
  { id: 'danger-zone', tabs: ['danger-zone'] },
] as const

export type CategoryId = (typeof settingsCategories)[number]['id']
export type TabId = (typeof settingsCategories)[number]['tabs'][number]

export const tabIds: readonly TabId[] = settingsCategories.flatMap((c) => c.tabs)

export const isTabId = (value: unknown): value is TabId => tabIds.includes(value as TabId)
