/**
 * @module The shared tab suite: one declaration per built tab (what differs), and `describeTab`, which generates
 * the same cases for each: who sees it, axe in both locales, no English left in Spanish, its empty, loading and
 * failed states, keyboard-only create, edit and delete, and that the longest values its fields accept never widen
 * the page. A case that does not apply is declared `null`.
 * Assertions compare text and booleans, never elements: wtr sends a failed assertion's element to the runner
 * whole, and that report never finishes (the file then times out with no results).
 */
import { GenerateApiKeyRequest } from '@connectgain/contracts/api-keys'
import { ChannelFields } from '@connectgain/contracts/channels'
import { EmailBoxInsert } from '@connectgain/contracts/email-boxes'
import { AcceptInvitationRequest } from '@connectgain/contracts/invitations'
import { LifecycleStageInsert } from '@connectgain/contracts/lifecycle-stages'
import { MessageTemplateInsert } from '@connectgain/contracts/message-templates'
import { OrganizationUpdate } from '@connectgain/contracts/organizations'
import {
  canSeeTab,
  type FunctionName,
  type ResourceName,
  type RoleName,
  roles,
} from '@connectgain/contracts/permissions'
import { PushSubscriptionInsert } from '@connectgain/contracts/push'
import { QuickReplyInsert } from '@connectgain/contracts/quick-replies'
import { SidebarItemInsert } from '@connectgain/contracts/sidebar-items'
import { settingsCategories, type TabId } from '@connectgain/contracts/tabs'
import { TagInsert } from '@connectgain/contracts/tags'
import { TeamInsert } from '@connectgain/contracts/teams'
import { WebhookConfigurationInsert } from '@connectgain/contracts/webhooks'
import { expect, html, oneEvent } from '@open-wc/testing'
import { sendKeys, setViewport } from '@web/test-runner-commands'
import type { LitElement } from 'lit'
import type { CgSettings } from '../src/cg-settings.ts'
import { useLocale } from '../src/i18n/localization.ts'
import type { CgDialog } from '../src/kit/cg-dialog.ts'
import type { CgResourceList } from '../src/kit/cg-resource-list.ts'
import type { CgSecretOnce } from '../src/kit/cg-secret-once.ts'
import { type TabElement, tabLabels, tabLoaders } from '../src/tabs/tab-registry.ts'
import { longest, maxLengthOf, padded } from './longest.ts'
import { gone, subscriptionAt } from './push-platform.ts'
import { apiUrl, type DevSession, devSession, uniqueSlug, until } from './session.ts'
import { callFunction, focusPath, hostPage, joinMember, listOf, rest, retype, tabTo } from './tabs.ts'

/** One thing a keyboard user does in a form: type into a text field, or press Space on a checkbox or a switch. */
export type KeyInput =
  /** Typed into the field's input or textarea, replacing what it held. */
  | { name: string; type: string }
  /** Space on the checkbox of this option of a checkbox group. */
  | { name: string; check: string }
  /** Space on the field's switch. */
  | { name: string; toggle: true }
  /** This option of the field's radio group: Tab into the group, Space, then ArrowDown until it is chosen. */
  | { name: string; choose: string }

/** A row made before the tab opens: its id, and text its row in the list shows. */
export interface Seeded {
  id: string
  shows: string
}

/** The cases `describeTab` generates, by name (for `known`). */
export type CaseName =
  | 'nav'
  | 'deep-link'
  | 'axe-en'
  | 'axe-es'
  | 'spanish'
  | 'empty'
  | 'loading'
  | 'failed'
  | 'create'
  | 'edit'
  | 'delete'
  | 'width'

/** What differs between built tabs; `null` says a case does not apply (no test is generated for it). */
export interface TabDeclaration {
  /** The tab's id; its element is `cg-<id>-tab`, as the shell names it. */
  id: TabId
  /** Anything more to wait for before the tab is looked at (Notifications: its look at this browser). */
  settled?: (root: ShadowRoot) => boolean
  /** What the tab's form edits (one row: the org's, or the member's own); null: the tab has no form. */
  form: ResourceName | null
  /** The tab's list of rows; null: the tab is one form, with no rows of its own. */
  list: {
    /** What its rows are: where create, a row's edit and delete are read back from. */
    resource: ResourceName
    /** What the list GETs when not `/rest/v1/<resource>`: a function's answer (the Danger Zone's counts). */
    from?: `/functions/v1/${FunctionName}`
    /** What it says in a fresh org; null: a fresh org is never empty (it starts with defaults). */
    empty: string | null
    /**
     * Makes one row keyed `key` (a lowercase word) over REST or a function: for the axe and Spanish views
     * (`hola`), Edit (`bravo`) and Delete (`delta`).
     */
    seed: (token: string, key: string) => Promise<Seeded>
  } | null
  /** Create by keyboard from the tab's New button; null: the tab creates nothing. */
  create: {
    /** New opens a dialog (a function makes the row), not the editor in place of the list. */
    dialog: boolean
    /** A secret is shown once afterwards and must be acknowledged ("I have stored it", Done). */
    secret: boolean
    inputs: KeyInput[]
    /** Text the new row shows in the list. */
    shows: string
    /** Columns the server then has in one row of `list.resource`. */
    stored: Record<string, unknown>
  } | null
  /** Edit by keyboard: the `bravo` row through its Edit button, or the tab's form; null: nothing to edit. */
  edit: {
    from: 'row' | 'form'
    inputs: KeyInput[]
    /** Text the edited row then shows (a row's edit). */
    shows?: string
    /** Columns the server then has: in the row (`list.resource`), or in the form's row (`form`). */
    stored: Record<string, unknown>
  } | null
  /** Delete by keyboard: the `delta` row's button with this `data-action`, then the confirmation; null: no delete. */
  remove: { action: string } | null
  /**
   * Makes, over REST or a function, what the tab then shows with the longest value each of its text fields accepts
   * (`longest`: the contract's maxima, no spaces), for the width case; null: it shows nothing a member types.
   */
  long: ((token: string) => Promise<unknown>) | null
  /** English strings of the tab's catalog shown on its first view; each shows in English, none in Spanish. */
  english: string[]
  /** A Spanish string the tab's first view shows with locale="es" once its data is in. */
  spanish: string
  /** Cases skipped for a defect not fixed yet, each with the defect (tab, locale, rule): mark each `// KNOWN:`. */
  known?: Partial<Record<CaseName, string>>
}

/** Owners and admins see every tab and may change everything in it: the member the tab's own cases use. */
const WRITER: RoleName = 'admin'

/** Nothing listens there: a webhook URL that takes no deliveries. */
const dead = (key: string) => `http://127.0.0.1:9/${key}`

/** A box on the test's mail servers (test/api-host.js), named `name`. */
const mailbox = (name: string, host = '127.0.0.1', email = `${name}@example.com`) => ({
  name,
  email,
  imap_host: host,
  imap_port: window.CG_MAIL.imap,
  imap_security: 'none',
  imap_username: window.CG_MAIL.username,
  imap_password: window.CG_MAIL.password,
  smtp_host: host,
  smtp_port: window.CG_MAIL.smtp,
  smtp_security: 'none',
  smtp_username: window.CG_MAIL.username,
  smtp_password: window.CG_MAIL.password,
})

/** POSTs `body` to `resource` as `token`; resolves to the new row's id. */
async function posted(token: string, resource: ResourceName, body: unknown): Promise<string> {
  const [row] = await rest<{ id: string }[]>(token, resource, { method: 'POST', body })
  return row!.id
}

/** Every built tab. A new tab adds its declaration here; the suite fails until it does. */
export const declarations: TabDeclaration[] = [
  {
    id: 'organization',
    form: 'organizations',
    list: null, // one form over the org's own row
    create: null,
    edit: {
      from: 'form',
      inputs: [{ name: 'name', type: 'Renamed by keyboard' }],
      stored: { name: 'Renamed by keyboard' },
    },
    remove: null,
    long: async (token) => {
      const [org] = await rest<{ id: string }[]>(token, 'organizations?select=id')
      const slug = padded(uniqueSlug('w'), maxLengthOf(OrganizationUpdate, 'slug')!) // slugs are unique
      const body = { ...longest(OrganizationUpdate), slug }
      await rest(token, `organizations?id=eq.${org!.id}`, { method: 'PATCH', body })
    },
    english: ['Organization name', 'Timezone', 'Currency', 'Used for scheduling.', 'Save changes'],
    spanish: 'Nombre de la organización',
  },
  {
    id: 'chat-contacts',
    form: 'chat_preferences',
    list: null, // one form: the member's own preferences, the defaults until the first save
    create: null,
    edit: { from: 'form', inputs: [{ name: 'show_avatars', toggle: true }], stored: { show_avatars: false } },
    remove: null,
    long: null, // choices and switches: nothing a member types
    english: ['Message density', 'Press Enter to send', 'Show avatars', 'Sort contacts by'],
    spanish: 'Densidad de los mensajes',
  },
  {
    id: 'notifications',
    settled: (root) => root.querySelector('[data-action="test"]')?.getAttribute('aria-disabled') === 'false',
    form: 'notification_preferences',
    list: {
      // The member's devices; a seeded one is subscribed elsewhere.
      resource: 'push_subscriptions',
      empty: 'Enable notifications on a device to see it here.',
      seed: async (token, key) => ({
        id: await posted(token, 'push_subscriptions', {
          ...(await subscriptionAt(gone())),
          device_label: key,
        }),
        shows: key,
      }),
    },
    create: null, // a device is added by Enable on it (a permission prompt): notifications-tab.test.ts
    edit: {
      from: 'form',
      inputs: [{ name: 'all_new_conversations', toggle: true }],
      stored: { all_new_conversations: true },
    },
    remove: { action: 'remove' },
    // The endpoint is a push service's (never shown), the device's label the longest.
    long: async (token) =>
      posted(token, 'push_subscriptions', {
        ...longest(PushSubscriptionInsert),
        ...(await subscriptionAt(gone())),
      }),
    english: ['This device', 'Send test notification', 'My devices', 'Send me notifications', 'Remove'],
    spanish: 'Mis dispositivos',
  },
  {
    id: 'tags-labels',
    form: null,
    list: {
      resource: 'tags',
      empty: 'Add tags to sort conversations and contacts.',
      seed: async (token, key) => ({ id: await posted(token, 'tags', { name: key }), shows: key }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [{ name: 'name', type: 'alpha' }],
      shows: 'alpha',
      stored: { name: 'alpha' },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'name', type: 'charlie' }],
      shows: 'charlie',
      stored: { name: 'charlie' },
    },
    remove: { action: 'delete' },
    long: (token) => posted(token, 'tags', longest(TagInsert)),
    english: ['New tag', 'Applies to', 'Conversations and contacts', 'Description'],
    spanish: 'Nueva etiqueta',
  },
  {
    id: 'quick-replies',
    form: null,
    list: {
      resource: 'quick_replies',
      empty: 'Add quick replies that agents insert by typing / and the shortcut.',
      seed: async (token, key) => ({
        id: await posted(token, 'quick_replies', { shortcut: key, content: 'Hola, ¿en qué podemos ayudar?' }),
        shows: `/${key}`,
      }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [
        { name: 'shortcut', type: 'alpha' },
        { name: 'content', type: 'Typed with the keyboard' },
      ],
      shows: '/alpha',
      stored: { shortcut: 'alpha', content: 'Typed with the keyboard' },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'shortcut', type: 'charlie' }],
      shows: '/charlie',
      stored: { shortcut: 'charlie' },
    },
    remove: { action: 'delete' },
    long: (token) => posted(token, 'quick_replies', longest(QuickReplyInsert)),
    english: ['New quick reply', 'Search quick replies', 'Shortcut', 'Reply'],
    spanish: 'Nueva respuesta rápida',
  },
  {
    id: 'channels',
    form: null,
    list: {
      resource: 'channels',
      empty:
        'Connect WhatsApp, Messenger, Instagram, Telegram, SMS, your website or the API to receive messages here.',
      seed: async (token, key) => ({
        id: await posted(token, 'channels', { type: 'website', name: key }),
        shows: key,
      }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [
        { name: 'type', choose: 'telegram' },
        { name: 'name', type: 'alpha' },
        { name: 'credentials.bot_token', type: window.CG_TELEGRAM_TOKEN },
      ],
      shows: 'alpha',
      stored: { type: 'telegram', name: 'alpha', credential_keys: ['bot_token'] },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'name', type: 'charlie' }],
      shows: 'charlie',
      stored: { name: 'charlie' },
    },
    remove: { action: 'delete' },
    long: (token) =>
      posted(token, 'channels', { type: 'website', name: 'm'.repeat(maxLengthOf(ChannelFields, 'name')!) }),
    english: ['Connect channel', 'Status', 'Website chat'],
    spanish: 'Conectar canal',
  },
  {
    id: 'email-boxes',
    form: null,
    list: {
      resource: 'email_boxes',
      empty: 'Connect a mailbox by IMAP and SMTP to receive and answer email here.',
      seed: async (token, key) => ({ id: await posted(token, 'email_boxes', mailbox(key)), shows: key }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [
        { name: 'name', type: 'alpha' },
        { name: 'email', type: 'alpha@example.com' },
        { name: 'imap_host', type: '127.0.0.1' },
        { name: 'imap_username', type: 'alpha@example.com' },
        { name: 'imap_password', type: 'imap-secret' },
        { name: 'smtp_host', type: '127.0.0.1' },
        { name: 'smtp_username', type: 'alpha@example.com' },
        { name: 'smtp_password', type: 'smtp-secret' },
      ],
      shows: 'alpha',
      stored: { name: 'alpha', imap_port: 993, smtp_port: 465, imap_password_set: true },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'name', type: 'charlie' }],
      shows: 'charlie',
      stored: { name: 'charlie', imap_password_set: true },
    },
    remove: { action: 'delete' },
    long: (token) =>
      posted(token, 'email_boxes', {
        ...mailbox('long', `${'m'.repeat(63)}.${'m'.repeat(63)}.example`, `${'m'.repeat(64)}@example.com`),
        ...longest(EmailBoxInsert),
      }),
    english: ['Connect email box', 'Status', 'Not tested'],
    spanish: 'Conectar buzón',
  },
  {
    id: 'message-templates',
    form: null,
    list: {
      resource: 'message_templates',
      empty: 'Save the messages your team sends often, with variables filled in for each contact.',
      seed: async (token, key) => ({
        id: await posted(token, 'message_templates', { name: key, body: 'Hola {{contact.first_name}}' }),
        shows: key,
      }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [
        { name: 'name', type: 'alpha' },
        { name: 'body', type: 'Hi {{contact.first_name}}' },
      ],
      shows: 'alpha',
      stored: { name: 'alpha', category: 'general', body: 'Hi {{contact.first_name}}' },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'name', type: 'charlie' }],
      shows: 'charlie',
      stored: { name: 'charlie' },
    },
    remove: { action: 'delete' },
    long: (token) => posted(token, 'message_templates', longest(MessageTemplateInsert)),
    english: ['New template', 'Search templates', 'Category'],
    spanish: 'Nueva plantilla',
  },
  {
    id: 'lifecycle-stages',
    form: null,
    list: {
      resource: 'lifecycle_stages',
      empty: null, // every org starts with the default stages, one of them the default (which is never deleted)
      seed: async (token, key) => ({
        id: await posted(token, 'lifecycle_stages', { name: key }),
        shows: key,
      }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [{ name: 'name', type: 'alpha' }],
      shows: 'alpha',
      stored: { name: 'alpha' },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'name', type: 'charlie' }],
      shows: 'charlie',
      stored: { name: 'charlie' },
    },
    remove: { action: 'delete' }, // a stage no contact is in: deleted after the usual question
    long: (token) => posted(token, 'lifecycle_stages', longest(LifecycleStageInsert)),
    english: ['New stage', 'Make default', 'Default'],
    spanish: 'Nueva etapa',
  },
  {
    id: 'sidebar-menu',
    form: null,
    list: {
      resource: 'sidebar_items',
      empty: null, // every org starts with the host app's default sections, Settings among them (never deleted)
      seed: async (token, key) => ({
        id: await posted(token, 'sidebar_items', { key, label: key }),
        shows: key,
      }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [
        { name: 'key', type: 'alpha' },
        { name: 'label', type: 'Alpha section' },
      ],
      shows: 'Alpha section',
      stored: { key: 'alpha', label: 'Alpha section' },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'label', type: 'Charlie section' }],
      shows: 'Charlie section',
      stored: { label: 'Charlie section' },
    },
    remove: { action: 'delete' },
    // The default sections' labels are data (English as the host app named them), not the tab's strings.
    long: (token) => posted(token, 'sidebar_items', longest(SidebarItemInsert)),
    english: ['New section', 'Reset to defaults', 'Preview', 'Hide'],
    spanish: 'Nueva sección',
  },
  {
    id: 'activity',
    form: null,
    list: {
      resource: 'audit_log',
      empty: 'Nothing has changed yet, or nothing matches these filters.',
      seed: async (token, key) => {
        const id = await posted(token, 'tags', { name: key })
        return { id, shows: id }
      },
    },
    create: null, // the log is written by the server, never by hand
    edit: null,
    remove: null,
    long: (token) => posted(token, 'tags', longest(TagInsert)), // its entry has the tag's values
    english: ['Download CSV', 'When', 'Who', 'Changes'],
    spanish: 'Descargar CSV',
  },
  {
    id: 'api-keys',
    form: null,
    list: {
      resource: 'api_keys',
      empty: 'Generate an API key to let your apps and scripts call the ConnectGain API.',
      seed: async (token, key) => ({
        id: (await callFunction<{ id: string }>(token, 'generate-api-key', { name: key })).id,
        shows: key,
      }),
    },
    create: {
      dialog: true,
      secret: true,
      inputs: [{ name: 'name', type: 'alpha' }],
      shows: 'alpha',
      stored: { name: 'alpha' },
    },
    edit: null, // a key is never edited: Roll makes a new one (api-keys-tab.test.ts)
    remove: null, // Revoke keeps the row, marked Revoked (api-keys-tab.test.ts)
    long: (token) => callFunction(token, 'generate-api-key', longest(GenerateApiKeyRequest)),
    english: ['Generate new API key', 'Search API keys', 'Full access', 'Never', 'Active'],
    spanish: 'Generar nueva clave de API',
  },
  {
    id: 'webhooks',
    form: null,
    list: {
      resource: 'webhook_configurations',
      empty: 'Add an endpoint to have ConnectGain POST signed events to your server as they happen.',
      seed: async (token, key) => ({
        id: await posted(token, 'webhook_configurations', { url: dead(key), events: ['*'] }),
        shows: dead(key),
      }),
    },
    create: {
      dialog: false,
      secret: false, // the secret is generated when left empty, and revealed on request
      inputs: [
        { name: 'url', type: dead('alpha') },
        { name: 'events', check: '*' },
      ],
      shows: dead('alpha'),
      stored: { url: dead('alpha'), events: ['*'] },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'description', type: 'Changed by keyboard' }],
      shows: 'Changed by keyboard',
      stored: { description: 'Changed by keyboard' },
    },
    remove: { action: 'delete' },
    long: (token) =>
      posted(token, 'webhook_configurations', {
        ...longest(WebhookConfigurationInsert),
        url: padded(dead(''), maxLengthOf(WebhookConfigurationInsert, 'url')!),
        events: ['*'],
      }),
    english: [
      'Add webhook',
      'All events',
      'Send test event',
      'Rotate secret',
      'No deliveries in the last 24 hours',
    ],
    spanish: 'Sin entregas en las últimas 24 horas',
  },
  {
    id: 'danger-zone',
    settled: (root) => !!root.querySelector('form'), // the phrase's control, beside the counts
    form: null, // the phrase is not a row: danger-zone-tab.test.ts types it and deletes
    list: {
      // The counts of the org's data, one row per domain resource.
      resource: 'contacts',
      from: '/functions/v1/data-summary',
      empty: 'This organization holds no data to delete.',
      seed: async (token, key) => {
        const id = await posted(token, 'contacts', { name: key })
        return { id, shows: 'Contacts' }
      },
    },
    create: null,
    edit: null,
    remove: null, // the one delete is all data: danger-zone-tab.test.ts
    long: null, // counts and labels: nothing a member types
    english: ['Delete all data', 'What will be deleted', 'Contacts', 'Conversations'],
    spanish: 'Qué se eliminará',
  },
  {
    id: 'team-members',
    form: null, // My availability is one control that saves on change (team-members-tab.test.ts)
    list: {
      resource: 'members',
      empty: null, // an org always has its members, the signed-in one among them
      seed: async (token, key) => ({ id: await joinMember(token, key), shows: key }),
    },
    create: null, // Invite makes an invitation, not a member (team-members-tab.test.ts)
    edit: null, // a member's role changes by Change role and its choice (team-members-tab.test.ts)
    remove: { action: 'remove' },
    // An email of 64 characters before the @ (the most a mailbox takes), the longest name.
    long: (token) =>
      joinMember(token, padded(uniqueSlug('w'), 64), 'agent', longest(AcceptInvitationRequest).name),
    english: ['Invite member', 'Search members', 'My availability', 'Change role', 'Invitations'],
    spanish: 'Mi disponibilidad',
  },
  {
    id: 'teams',
    form: null,
    list: {
      resource: 'teams',
      empty: 'Create teams so conversations reach the right people.',
      seed: async (token, key) => ({ id: await posted(token, 'teams', { name: key }), shows: key }),
    },
    create: {
      dialog: false,
      secret: false,
      inputs: [{ name: 'name', type: 'alpha' }],
      shows: 'alpha',
      stored: { name: 'alpha' },
    },
    edit: {
      from: 'row',
      inputs: [{ name: 'description', type: 'Changed by keyboard' }],
      shows: 'Changed by keyboard',
      stored: { description: 'Changed by keyboard' },
    },
    remove: { action: 'delete' }, // its conversations unassigned: teams-tab.test.ts
    long: (token) => posted(token, 'teams', longest(TeamInsert)),
    english: ['New team', 'Members', 'Description'],
    spanish: 'Nuevo equipo',
  },
]

/** One session per role (in one org), and the tabs each role's nav shows: read once for every tab's cases. */
export interface Members {
  session: Record<RoleName, DevSession>
  nav: Record<RoleName, string[]>
}

/** `<cg-settings>` for `session` in a host page with its own landmarks, in `locale` (loaded before it renders). */
async function openShell(session: DevSession, { tab = '', locale = 'en', syncHash = false } = {}) {
  await useLocale(locale)
  const page = await hostPage(
    html`<cg-settings
      api-url=${apiUrl()}
      token=${session.access_token}
      tab=${tab}
      locale=${locale}
      ?sync-hash=${syncHash}
    ></cg-settings>`,
  )
  const shell = page.querySelector('cg-settings') as CgSettings
  await shell.updateComplete
  return { page, shell }
}

/** Registers a `before` hook that signs in each role once and reads its nav; the object fills then. */
export function everyRole(): Members {
  const members = { session: {}, nav: {} } as Members
  before(async () => {
    const slug = uniqueSlug('suite-roles')
    for (const role of roles) {
      const session = await devSession(role, slug)
      const { page, shell } = await openShell(session)
      members.session[role] = session
      members.nav[role] = [...shell.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a[data-tab]')].map(
        (a) => a.dataset.tab ?? '',
      )
      page.remove()
    }
  })
  return members
}

/** The tab the shell opens for `role` when asked for one it may not see: the first it may. */
const firstTab = (role: RoleName): TabId =>
  settingsCategories.flatMap((c) => c.tabs).find((t) => canSeeTab(role, t) && t in tabLoaders) as TabId

/** Every text node under `node`, through each shadow root (not styles): what the member can read. */
function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return ''
  const own = node instanceof Element && node.shadowRoot ? textOf(node.shadowRoot) : ''
  return own + [...node.childNodes].map(textOf).join(' ')
}

/** Whether `node` says "Loading…" in a status. */
const saysLoading = (node: ParentNode | null | undefined) =>
  [...(node?.querySelectorAll('[role="status"]') ?? [])].some((el) => el.textContent?.trim() === 'Loading…')

/** Whether `row` has each of `expected`'s values. */
const matches = (row: Record<string, unknown>, expected: Record<string, unknown>) =>
  Object.entries(expected).every(([key, value]) => JSON.stringify(row[key]) === JSON.stringify(value))

/** The page's fetch, patched for one test: `answer` takes the GETs of `path`, the rest go out. */
function interceptGets(path: string, answer: (send: () => Promise<Response>) => Promise<Response>) {
  const real = window.fetch
  let seen = 0
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    if (method !== 'GET' || url.pathname !== path) return real(input, init)
    seen++
    return answer(() => real(input, init))
  }
  return {
    seen: () => seen,
    restore: () => {
      window.fetch = real
    },
  }
}

/** Generates the shared cases for one tab, from its declaration. */
export function describeTab(decl: TabDeclaration, members: Members): void {
  const test = (name: CaseName, title: string, fn: () => Promise<void> | void) =>
    decl.known?.[name] ? it.skip(`${title} — KNOWN: ${decl.known[name]}`, fn) : it(title, fn)

  const tag = `cg-${decl.id}-tab`
  describe(`${decl.id} tab (shared suite)`, () => {
    /** Fresh orgs: `seeded` has one row (for the read-only cases), `empty` none, `writes` takes the edits. */
    const orgs = {} as Record<'seeded' | 'empty' | 'writes', DevSession>
    let restoreFetch = () => {}

    before(async () => {
      for (const org of ['seeded', 'empty', 'writes'] as const)
        orgs[org] = await devSession(WRITER, uniqueSlug(`${decl.id.slice(0, 8).replace(/-$/, '')}-${org}`))
      await decl.list?.seed(orgs.seeded.access_token, 'hola')
    })

    afterEach(() => {
      restoreFetch()
      restoreFetch = () => {}
      history.replaceState(null, '', location.pathname + location.search)
    })

    /** The tab inside the shell for `session`; resolves once it shows its data (unless `settle` is false). */
    async function open(session: DevSession, { locale = 'en', settle = true } = {}) {
      const { page, shell } = await openShell(session, { tab: decl.id, locale })
      const element = () => shell.shadowRoot?.querySelector<TabElement>(tag)
      await until(() => !!element()?.shadowRoot, tag)
      const tab = element() as TabElement & LitElement
      const root = tab.shadowRoot as ShadowRoot
      if (settle) await settled(root)
      return { page, shell, tab, root, ...listOf(root) }
    }

    async function settled(root: ShadowRoot) {
      const lists = () => [...root.querySelectorAll<CgResourceList>('cg-resource-list')]
      await until(
        () =>
          !!root.querySelector(decl.form ? 'form' : 'cg-resource-list') &&
          lists().every((list) => list.status !== 'loading') &&
          (decl.settled?.(root) ?? true),
        `${tag} with its data`,
      )
      await Promise.all(lists().map((list) => list.updateComplete))
    }

    const rowShows = (rows: () => string[][], text: string) =>
      rows().some((cells) => cells.join(' ').includes(text))

    /** Does each of `inputs` by keyboard in `form()`, moving to each field with Tab. */
    async function fill(tab: LitElement, form: () => Element | null, inputs: KeyInput[]) {
      for (const input of inputs) {
        const field = () => form()?.querySelector(`[name="${input.name}"]`)?.shadowRoot
        if ('type' in input) {
          await tabTo(() => field()?.querySelector('input:not([type="color"]), textarea'), input.name)
          await retype(input.type)
        } else if ('choose' in input) {
          const radios = () => [...(field()?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])]
          await tabTo(() => radios().find((radio) => radio.checked) ?? radios()[0], `${input.name} options`)
          await sendKeys({ press: 'Space' })
          for (let presses = 0; !radios().find((radio) => radio.value === input.choose)?.checked; presses++) {
            if (presses > radios().length) throw new Error(`ArrowDown never chose ${input.choose}`)
            await sendKeys({ press: 'ArrowDown' })
          }
        } else {
          const target =
            'check' in input
              ? () =>
                  [...(field()?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])].find(
                    (box) => box.value === input.check,
                  )
              : () => field()?.querySelector('[role="switch"]')
          await tabTo(target, `${input.name} ${'check' in input ? input.check : 'switch'}`)
          await sendKeys({ press: 'Space' })
        }
        await tab.updateComplete
      }
    }

    /** Moves to `target` with Tab and presses Enter. */
    async function press(target: () => Element | null | undefined, what: string) {
      await tabTo(target, what)
      await sendKeys({ press: 'Enter' })
    }

    /** Presses a row's button by keyboard; one in the row's More menu: Tab to More, Enter, ArrowDown to it, Enter. */
    async function pressRow(target: () => HTMLElement | null | undefined, what: string) {
      const menu = target()?.closest('[role="menu"]')
      if (!menu) return press(target, what)
      await press(() => menu.previousElementSibling, `More, for ${what}`)
      for (let presses = 0; !focusPath().includes(target() as Element); presses++) {
        if (presses > 10) throw new Error(`ArrowDown never reached ${what}`)
        await sendKeys({ press: 'ArrowDown' })
      }
      await sendKeys({ press: 'Enter' })
    }

    /** The shown-once secret by keyboard: Tab to "I have stored it", Space, Tab to Done, Enter. */
    async function acknowledgeSecret(root: ShadowRoot) {
      const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')?.shadowRoot
      await until(
        () => !!root.querySelector<CgDialog>('#cg-secret')?.open && !!panel()?.querySelector('#stored'),
        'the secret',
      )
      await tabTo(() => panel()?.querySelector('#stored'), 'I have stored it')
      await sendKeys({ press: 'Space' })
      const done = () => panel()?.querySelector<HTMLButtonElement>('[part="done"]')
      await until(() => done()?.disabled === false, 'Done enabled')
      await press(done, 'Done')
      await until(() => !root.querySelector('#cg-secret'), 'the secret dialog closed')
    }

    /** The rows of `resource` the writer's org holds (`filter`: a PostgREST query string). */
    const stored = (resource: ResourceName, filter = '') =>
      rest<Record<string, unknown>[]>(orgs.writes.access_token, `${resource}${filter}`)

    // a. Who sees it.

    const allowed = roles.filter((role) => canSeeTab(role, decl.id))
    test('nav', `is in the nav of exactly the roles canSeeTab allows: ${allowed.join(', ')}`, () => {
      for (const role of roles)
        expect(members.nav[role].includes(decl.id), role).to.equal(canSeeTab(role, decl.id))
    })

    for (const role of roles.filter((r) => !canSeeTab(r, decl.id))) {
      const fallback = firstTab(role)
      test(
        'deep-link',
        `a deep link from ${role} (tab attribute, #settings hash) keeps ${fallback} or the open tab, says why, never the tab`,
        async () => {
          const session = members.session[role]
          /** The shell shows `shown` and nothing of this tab, with a notice naming a role that may open it. */
          const expectFallback = async (shell: CgSettings, how: string, shown: TabId = fallback) => {
            await shell.updateComplete
            expect(!!shell.shadowRoot!.querySelector(tag), `${how}: the tab's element`).to.equal(false)
            expect(shell.shadowRoot!.querySelector('#cg-tab-heading')!.textContent, how).to.equal(
              tabLabels[shown](),
            )
            expect(
              shell.shadowRoot!.querySelector('nav a[aria-current="page"]')?.getAttribute('data-tab'),
            ).to.equal(shown)
            expect(shell.getAttribute('tab'), `${how}: tab=`).to.equal(shown)
            if (shell.syncHash) expect(location.hash, `${how}: the hash`).to.equal(`#settings/${shown}`)
            expect(
              shell
                .shadowRoot!.querySelector('.notice')
                ?.textContent?.trim()
                .startsWith(`${tabLabels[decl.id]()} needs the`),
              `${how}: the notice`,
            ).to.equal(true)
            expect(
              !!shell.shadowRoot!.querySelector(`nav a[data-tab="${decl.id}"]`),
              `${how}: a link`,
            ).to.equal(false)
          }
          const byAttribute = await openShell(session, { tab: decl.id })
          await expectFallback(byAttribute.shell, 'tab attribute')
          byAttribute.page.remove()

          history.replaceState(null, '', `#settings/${decl.id}`)
          const { shell } = await openShell(session, { syncHash: true })
          await expectFallback(shell, 'hash on load')
          // The shell follows the hash to a tab the role sees, then refuses this one again and stays there.
          const other = members.nav[role].find((t) => t !== fallback) as TabId
          const hashChange = async (tab: string) => {
            const changed = oneEvent(window, 'hashchange')
            location.hash = `#settings/${tab}`
            await changed
            await shell.updateComplete
          }
          await hashChange(other)
          expect(shell.shadowRoot!.querySelector('#cg-tab-heading')!.textContent).to.equal(tabLabels[other]())
          await hashChange(decl.id)
          await expectFallback(shell, 'hash changed', other)
        },
      )
    }

    // b. Accessible in a host page, in both locales; no English left in Spanish.

    for (const locale of ['en', 'es'] as const) {
      test(
        `axe-${locale}`,
        `is axe-clean in a host page with its own landmarks, locale="${locale}"`,
        async () => {
          const { page, root } = await open(orgs.seeded, { locale })
          if (locale === 'es') await until(() => textOf(root).includes(decl.spanish), decl.spanish)
          await expect(page).to.be.accessible()
        },
      )
    }

    test(
      'spanish',
      `shows none of its English labels with locale="es": ${decl.english.join(', ')}`,
      async () => {
        const english = await open(orgs.seeded)
        const missing = () => decl.english.filter((label) => !textOf(english.root).includes(label))
        await until(() => missing().length === 0, 'every label in English').catch(() => {})
        expect(missing(), 'each label shows in English').to.deep.equal([])
        english.page.remove()

        const { root } = await open(orgs.seeded, { locale: 'es' })
        await until(() => textOf(root).includes(decl.spanish), decl.spanish)
        const text = textOf(root)
        expect(decl.english.filter((label) => text.includes(label))).to.deep.equal([])
      },
    )

    // c. Empty, loading and failed.

    if (decl.list && decl.list.empty !== null) {
      const emptyText = decl.list.empty
      test('empty', 'says so in a fresh org with no rows', async () => {
        const { list } = await open(orgs.empty)
        expect(list.status).to.equal('empty')
        expect(list.shadowRoot!.textContent).to.contain(emptyText)
      })
    }

    /** The loads the tab makes on opening, and where each one's states show: the form's in the tab, the list's in it. */
    const loads = [
      ...(decl.form ? [{ what: 'form', path: `/rest/v1/${decl.form}`, in: (root: ShadowRoot) => root }] : []),
      ...(decl.list
        ? [
            {
              what: 'list',
              path: decl.list.from ?? `/rest/v1/${decl.list.resource}`,
              in: (root: ShadowRoot) => root.querySelector('cg-resource-list')?.shadowRoot,
            },
          ]
        : []),
    ]
    for (const load of loads) {
      test('loading', `its ${load.what} says "Loading…" while ${load.path} is on its way`, async () => {
        let release = () => {}
        const arrived = new Promise<void>((resolve) => {
          release = resolve
        })
        const held = interceptGets(load.path, (send) => arrived.then(send))
        restoreFetch = held.restore
        const { root } = await open(orgs.seeded, { settle: false })
        await until(() => held.seen() > 0 && saysLoading(load.in(root)), 'Loading…')
        expect(
          !!load.in(root)?.querySelector('[aria-busy="true"] .bone'),
          'a skeleton, marked busy, where the data will be',
        ).to.equal(true)
        release()
        await settled(root)
        expect(saysLoading(load.in(root))).to.equal(false)
      })

      test(
        'failed',
        `its ${load.what} says a failed load of ${load.path} plainly; Try again (keyboard) loads it`,
        async () => {
          const failing = interceptGets(load.path, async () =>
            Response.json({ code: 'XX000', message: 'boom', details: null, hint: null }, { status: 500 }),
          )
          restoreFetch = failing.restore
          const { root } = await open(orgs.seeded, { settle: false })
          const alert = () => load.in(root)?.querySelector('.failed[role="alert"]')
          await until(() => !!alert(), 'the failed load')
          expect(alert()!.textContent).to.contain('Something went wrong on the server. Try again later.')
          expect(alert()!.textContent, 'no developer detail').not.to.contain('boom')
          failing.restore()
          await press(() => alert()?.querySelector('button'), 'Try again')
          await until(() => !alert(), 'the alert gone')
          await settled(root)
        },
      )
    }

    // d. Keyboard only: create, edit, delete.

    const { create, edit, remove, list: rowsOf } = decl
    if (create && rowsOf) {
      test(
        'create',
        `creates a row by keyboard (${create.dialog ? 'a dialog' : 'the editor'}); the server has it`,
        async () => {
          const { tab, root, rows } = await open(orgs.writes)
          await press(() => root.querySelector('[data-action="create"]'), 'New')
          const form = () => root.querySelector(create.dialog ? '#cg-create-form' : 'form')
          await until(() => !!form()?.contains(root.activeElement), 'the form, focused')
          await fill(tab, form, create.inputs)
          await press(
            () =>
              root.querySelector(
                create.dialog ? 'button[form="cg-create-form"]' : 'form button[type="submit"]',
              ),
            'the submit button',
          )
          if (create.secret) await acknowledgeSecret(root)
          await until(() => rowShows(rows, create.shows), 'the new row')
          const all = await stored(rowsOf.resource)
          expect(
            all.some((row) => matches(row, create.stored)),
            JSON.stringify(all),
          ).to.equal(true)
        },
      )
    }

    if (edit?.from === 'row' && rowsOf) {
      test('edit', 'edits a row by keyboard from its Edit button; the server has the change', async () => {
        const row = await rowsOf.seed(orgs.writes.access_token, 'bravo')
        const { tab, root, rows, button } = await open(orgs.writes)
        await press(() => button('edit', row.shows), `Edit ${row.shows}`)
        const form = () => root.querySelector('form')
        await until(() => !!form()?.contains(root.activeElement), 'the editor, focused')
        await fill(tab, form, edit.inputs)
        await press(() => root.querySelector('form button[type="submit"]'), 'Save')
        await until(() => rowShows(rows, edit.shows ?? ''), 'the changed row')
        const [after] = await stored(rowsOf.resource, `?id=eq.${row.id}`)
        expect(matches(after!, edit.stored), JSON.stringify(after)).to.equal(true)
      })
    }

    const formOf = decl.form
    if (edit?.from === 'form' && formOf) {
      test(
        'edit',
        'changes its form by keyboard and saves with Enter; the server has the change',
        async () => {
          const { tab, root } = await open(orgs.writes)
          const form = () => root.querySelector('form')
          await fill(tab, form, edit.inputs)
          expect(tab.hasUnsavedChanges, 'changed').to.equal(true)
          await press(() => form()?.querySelector('button[type="submit"]'), 'Save')
          await until(() => !tab.hasUnsavedChanges, 'saved')
          const all = await stored(formOf)
          expect(
            all.some((row) => matches(row, edit.stored)),
            JSON.stringify(all),
          ).to.equal(true)
        },
      )
    }

    if (remove && rowsOf) {
      test(
        'delete',
        `deletes a row by keyboard (${remove.action}, then confirm); the server has it no more`,
        async () => {
          const row = await rowsOf.seed(orgs.writes.access_token, 'delta')
          const { root, rows, button } = await open(orgs.writes)
          await pressRow(() => button(remove.action, row.shows), `${remove.action} ${row.shows}`)
          const confirm = () => root.querySelector<CgDialog>('#cg-confirm')
          await until(() => !!confirm()?.open, 'the confirmation')
          const cancel = confirm()!.shadowRoot!.querySelector('[part="cancel"]')!
          expect(focusPath().includes(cancel), 'the safe choice has the focus').to.equal(true)
          await press(() => confirm()?.shadowRoot?.querySelector('[part="confirm"]'), 'the confirm button')
          await until(() => !rowShows(rows, row.shows), 'the row gone')
          expect(await stored(rowsOf.resource, `?id=eq.${row.id}`)).to.deep.equal([])
        },
      )
    }

    // e. Never wider than the host page.

    test(
      'width',
      'at 1280 and 390 px, with the longest value each field accepts, the host page does not widen and every row button shows whole',
      async () => {
        const session = await devSession(WRITER, uniqueSlug(`${decl.id.slice(0, 8).replace(/-$/, '')}-long`))
        await decl.long?.(session.access_token)
        try {
          await setViewport({ width: 1280, height: 800 })
          const { root } = await open(session)
          const shown = 'm'.repeat(32) // as long as the shortest maximum of a field a list shows
          if (decl.list && decl.long) await until(() => textOf(root).includes(shown), 'the longest values')
          for (const width of [1280, 390]) {
            await setViewport({ width, height: 800 })
            await new Promise(requestAnimationFrame)
            const { scrollWidth, clientWidth } = document.documentElement
            expect(scrollWidth, `the page's width at ${width} px`).to.equal(clientWidth)
            expect(cutOff(root), `row buttons cut off at ${width} px`).to.deep.equal([])
          }
        } finally {
          await setViewport({ width: 800, height: 600 })
        }
      },
    )
  })
}

/** The names of the row buttons shown in `root`'s lists that stand partly outside their list's box. */
function cutOff(root: ShadowRoot): string[] {
  const outside = (inner: DOMRect, outer: DOMRect) =>
    inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5
  return [...root.querySelectorAll('cg-resource-list')].flatMap((list) => {
    const box = list.getBoundingClientRect()
    return [...(list.shadowRoot?.querySelectorAll<HTMLButtonElement>('tbody button') ?? [])]
      .filter((button) => button.getClientRects().length > 0) // shown (not in a closed menu)
      .filter((button) => {
        const rect = button.getBoundingClientRect()
        const scroller = button.closest('.scroll')
        return outside(rect, box) || (!!scroller && outside(rect, scroller.getBoundingClientRect()))
      })
      .map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '')
  })
}
