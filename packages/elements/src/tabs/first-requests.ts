/**
 * @module What each tab reads first, declared once: the tab's spec is built from it, and the shell sends the
 * same GET while the tab's chunk loads (the tab then takes that answer), so data and code arrive together.
 */
import type { TabId } from '@connectgain/contracts/tabs'
import type { ApiClient } from '../api/client.ts'
import { type ControlKind, controls } from '../form/control-loaders.ts'
import { PAGE_SIZE, type PathSpec, type ResourceShape, restPath } from '../kit/resource.ts'
import type { Session } from '../session.ts'

/** The part of a tab's resource spec its first load depends on. */
export interface FirstRequest extends PathSpec<Record<string, unknown>> {
  shape: ResourceShape
  pageSize?: number
}

/** The form controls a tab draws as it opens (a form tab's), loaded beside its chunk too. */
export const openingControls: Partial<Record<TabId, readonly ControlKind[]>> = {
  organization: ['text', 'select'],
  'chat-contacts': ['toggle'],
  notifications: ['toggle'],
  'danger-zone': ['text'],
}

export const firstRequests = {
  organization: {
    name: 'organizations',
    shape: 'org',
    columns: ['id', 'name', 'slug', 'timezone', 'currency'],
  },
  'tags-labels': {
    name: 'tags',
    shape: 'list',
    columns: ['id', 'name', 'color', 'scope', 'description'],
    order: 'name.asc',
  },
  'quick-replies': {
    name: 'quick_replies',
    shape: 'list',
    columns: ['id', 'shortcut', 'content'],
    order: 'shortcut.asc',
    search: ['shortcut', 'content'],
  },
  channels: {
    name: 'channels',
    shape: 'list',
    columns: [
      'id',
      'type',
      'name',
      'enabled',
      'settings',
      'credential_keys',
      'inbound_url',
      'verify_token',
      'inbound_token',
      'last_check',
    ],
    order: 'name.asc',
  },
  'email-boxes': {
    name: 'email_boxes',
    shape: 'list',
    columns: [
      'id',
      'name',
      'email',
      'imap_host',
      'imap_port',
      'imap_security',
      'imap_username',
      'imap_password_set',
      'smtp_host',
      'smtp_port',
      'smtp_security',
      'smtp_username',
      'smtp_password_set',
      'last_check',
    ],
    order: 'name.asc',
  },
  'message-templates': {
    name: 'message_templates',
    shape: 'list',
    columns: ['id', 'name', 'category', 'body'],
    order: 'name.asc',
    search: ['name', 'body'],
  },
  'lifecycle-stages': {
    name: 'lifecycle_stages',
    shape: 'list',
    columns: ['id', 'name', 'color', 'position', 'is_default'],
    order: 'position.asc',
    pageSize: 200,
  },
  'sidebar-menu': {
    name: 'sidebar_items',
    shape: 'list',
    columns: ['id', 'key', 'label', 'icon', 'visible', 'position'],
    order: 'position.asc',
    pageSize: 200,
  },
  webhooks: {
    name: 'webhook_configurations',
    shape: 'list',
    columns: [
      'id',
      'url',
      'events',
      'description',
      'enabled',
      'disabled_reason',
      'created_by',
      'created_at',
      'updated_at',
    ],
    order: 'created_at.desc',
  },
  'api-keys': {
    name: 'api_keys',
    shape: 'list',
    columns: [
      'id',
      'name',
      'description',
      'prefix',
      'last4',
      'scope',
      'created_at',
      'expires_at',
      'last_used_at',
      'status',
    ],
    order: 'created_at.desc',
    search: ['name', 'description'],
  },
  'team-members': {
    name: 'members',
    shape: 'list',
    columns: [
      'id',
      'user_id',
      'name',
      'email',
      'role',
      'availability',
      'assignable',
      'last_active_at',
      'created_at',
    ],
    order: 'created_at.asc',
    pageSize: 200, // every member: the owners are counted among them
    search: ['name', 'email'],
  },
} as const satisfies Partial<Record<TabId, FirstRequest>>

/**
 * Sends `tab`'s first GET, as its ResourceController will ask for it (`list`: the first page, no search), and
 * loads the controls it opens with.
 */
export function preloadTab(api: ApiClient, session: Session, tab: TabId): void {
  for (const kind of openingControls[tab] ?? []) controls[kind].load().catch(() => {}) // the kit asks again
  const spec: FirstRequest | undefined = (firstRequests as Partial<Record<TabId, FirstRequest>>)[tab]
  if (!spec) return
  if (spec.shape === 'list')
    api.preload(restPath<Record<string, unknown>>(spec), { limit: spec.pageSize ?? PAGE_SIZE })
  else if (spec.shape === 'org')
    api.preload(restPath<Record<string, unknown>>(spec, { id: session.orgId }), { single: true })
  else api.preload(restPath<Record<string, unknown>>(spec))
}
