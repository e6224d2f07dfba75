/** @module The Notifications tab (spec Use Case 4): Web Push on this device, a test push, what notifies me, my devices. */
import {
  notificationDefaults as defaults,
  type NotificationPreferences,
  NotificationPreferencesUpdate,
} from '@connectgain/contracts/notification-preferences'
import type { PushConfig, PushSubscriptionRow, TestPushResponse } from '@connectgain/contracts/push'
import { ContextConsumer } from '@lit/context'
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import { state } from 'lit/decorators.js'
import { type ApiClient, ApiRequestError, type RequestOptions } from '../../api/client.ts'
import { failureText } from '../../api/failure-text.ts'
import { apiContext, DEFAULT_SW_URL, swUrlContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import { emit } from '../../events.ts'
import { getLocale } from '../../i18n/localization.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { ConfirmController } from '../../kit/confirm-controller.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { restPath } from '../../kit/resource.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { ResourceTab } from '../../kit/resource-tab.ts'
import { FormSection } from '../../kit/sections/form-section.ts'
import { ListSection } from '../../kit/sections/list-section.ts'
import { autoSubscribe, normalEndpoint, storeSubscription } from './auto-subscribe.ts'
import { styles } from './notifications-tab.styles.ts'
import {
  type BrowserSubscription,
  browserPushPlatform,
  failureOf,
  type PushFailure,
  type PushPlatform,
  type PushSupport,
  PushTimeout,
} from './push-platform.ts'

type Device = Pick<PushSubscriptionRow, 'id' | 'endpoint' | 'device_label' | 'created_at'>
type Result = TestPushResponse['results'][number]

const permissions: Record<NotificationPermission, () => string> = {
  default: () => msg('Not asked yet', { id: 'notif.permission.default' }),
  granted: () => msg('Allowed', { id: 'notif.permission.granted' }),
  denied: () => msg('Blocked', { id: 'notif.permission.denied' }),
}

/** Why a call to this browser's push APIs failed, and what to try; `refused` is a state, shown as one. */
const failures: Record<Exclude<PushFailure, 'refused'>, (seconds: number) => string> = {
  timeout: (seconds) =>
    msg(
      str`This browser could not reach its push service in ${seconds} seconds. Check your connection or try another browser.`,
      { id: 'notif.timeout' },
    ),
  'push-service': () =>
    msg("This browser's push service refused the subscription. Try again, or try another browser.", {
      id: 'notif.push-failed',
    }),
  // The service worker did not install or start (InvalidStateError, a 404 or a wrong type at sw-url), or anything else.
  other: () =>
    msg(
      'This browser could not do that. Reload the page and try again; if it keeps failing, tell your administrator.',
      { id: 'notif.browser-failed' },
    ),
}

const deviceName = (device: { device_label: string | null }) =>
  device.device_label || msg('Unnamed device', { id: 'notif.unnamed' })

const outcome = ({ ok, removed, error, status_code }: Result) =>
  ok
    ? msg('Delivered', { id: 'notif.test.delivered' })
    : removed
      ? msg('Removed: its push service says this subscription is gone', { id: 'notif.test.removed' })
      : msg(str`Failed: ${error ?? status_code}`, { id: 'notif.test.failed' })

/**
 * This browser's Web Push subscription (Enable asks for permission on the click, never before), a test
 * notification to each of the member's devices, which events notify them (a `FormSection`), and their devices,
 * each removable (a `ListSection`). When the preferences say so and notifications are already allowed, this browser
 * subscribes on load without asking, unless the member turned it off here. Every role; each member sees only their
 * own devices.
 *
 * @tag cg-notifications-tab
 * @fires cg-saved - The preferences were saved, or this browser subscribed (`resource: "push_subscriptions"`).
 */
export class CgNotificationsTab extends ResourceTab<NotificationPreferences> {
  static override styles = styles

  /** The browser's push APIs: the real ones with the `sw-url` worker, unless a test (or a host) sets its own first. */
  platform?: PushPlatform

  protected readonly tab = 'notifications'
  protected readonly resource = new ResourceController<NotificationPreferences>(this, {
    name: 'notification_preferences',
    shape: 'own',
    columns: ['id', ...(Object.keys(defaults) as (keyof typeof defaults)[])],
    defaults,
    schemas: { update: NotificationPreferencesUpdate },
  })
  private readonly devices = new ResourceController<Device>(this, {
    name: 'push_subscriptions',
    shape: 'list',
    columns: ['id', 'endpoint', 'device_label', 'created_at'],
    order: 'created_at.desc',
    pageSize: 100, // all of them: this browser's row is found among them
  })
  private readonly confirmation = new ConfirmController(this)
  private readonly preferences = new FormSection(this, {
    tab: this.tab,
    resource: this.resource,
    fields: () => this.fields(),
    saved: () => msg('Notification preferences saved.', { id: 'notif.saved' }),
  })
  private readonly deviceList = new ListSection(this, {
    tab: this.tab,
    resource: this.devices,
    columns: () => this.columns(),
    rowName: deviceName,
    texts: () => ({
      list: msg('My devices', { id: 'notif.devices' }),
      empty: msg('Enable notifications on a device to see it here.', { id: 'notif.empty' }),
      confirmDelete: (device) => ({
        heading: msg(str`Remove ${deviceName(device)}?`, { id: 'notif.remove-confirm' }),
        body: msg('It gets no more notifications until they are enabled on it again.', {
          id: 'notif.remove-body',
        }),
        confirmLabel: msg('Remove', { id: 'notif.remove' }),
        danger: true,
      }),
      deleted: (device) => msg(str`${deviceName(device)} removed.`, { id: 'notif.removed' }),
      deleteButton: {
        id: 'remove',
        label: msg('Remove', { id: 'notif.remove' }),
        name: (device) => msg(str`Remove ${deviceName(device)}`, { id: 'notif.remove-row' }),
      },
    }),
    ask: (question) => this.confirmation.ask(question),
    deletable: true,
    // This device removed from the list is turned off here as well.
    afterDelete: async (device) => {
      if (device.endpoint === this.endpoint) await this.dropped().catch(() => {})
    },
    refocus: () => this.renderRoot.querySelector<HTMLElement>('#cg-devices-heading'), // its row is gone
  })
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true })
  private readonly swUrl = new ContextConsumer(this, { context: swUrlContext, subscribe: true })
  private browser?: PushPlatform

  @state() private permission: NotificationPermission = 'default'
  /** This browser's endpoint: undefined until known, null when it has no subscription. */
  @state() private endpoint?: string | null
  /** The `sw-url` worker is registered here. */
  @state() private registered = false
  /** False once this browser refused push although notifications are not blocked: a private window, push off. */
  @state() private available = true
  /** An action on this device is running (or the first look at it). */
  @state() private busy = false
  /** What the last action came to, announced. */
  @state() private notice = { text: '', failed: false }
  @state() private results: Result[] = []
  private key?: string
  private autoChecked = false

  private get push(): PushPlatform {
    this.browser ??= browserPushPlatform(() => this.swUrl.value || DEFAULT_SW_URL)
    return this.platform ?? this.browser
  }

  /** This browser is subscribed, the server has its row, and notifications are not blocked. */
  private get enabledHere(): boolean {
    return (
      this.permission !== 'denied' &&
      !!this.endpoint &&
      this.devices.rows.some((device) => device.endpoint === this.endpoint)
    )
  }

  get hasUnsavedChanges(): boolean {
    return this.resource.dirty
  }

  protected fields(): FieldSpec[] {
    const toggle = (name: keyof typeof defaults, label: string, help = ''): FieldSpec => ({
      kind: 'toggle',
      name,
      label,
      help,
    })
    return [
      toggle(
        'enabled',
        msg('Send me notifications', { id: 'notif.enabled' }),
        msg('When off, none of your devices get any.', { id: 'notif.enabled-help' }),
      ),
      toggle(
        'new_message_in_my_conversations',
        msg('New messages in my conversations', { id: 'notif.new-message' }),
      ),
      toggle('conversation_assigned_to_me', msg('Conversations assigned to me', { id: 'notif.assigned' })),
      toggle('all_new_conversations', msg('All new conversations', { id: 'notif.all-new' })),
      toggle(
        'auto_subscribe',
        msg('Subscribe automatically', { id: 'notif.auto' }),
        msg('Subscribe this browser automatically when you sign in, if notifications are already allowed.', {
          id: 'notif.auto-help',
        }),
      ),
    ]
  }

  /** Reads this browser again each time the tab is shown: the member may have changed the site's permission. */
  override connectedCallback(): void {
    super.connectedCallback()
    const { push } = this
    if (push.support() !== 'supported') return
    this.permission = push.permission()
    if (this.endpoint !== undefined) return
    this.busy = true
    void Promise.all([push.subscription(), push.registered()])
      .then(
        ([subscription, registered]) => {
          this.registered = registered
          return subscription && normalEndpoint(subscription.endpoint)
        },
        (err) => void this.failed(err), // said, never a "Checking…" that stays
      )
      .then((endpoint) => {
        // Both at once: the automatic subscription starts once the endpoint is known, and only when not busy.
        this.endpoint = endpoint ?? null
        this.busy = false
      })
  }

  protected override willUpdate(): void {
    // The spec's "automatic subscription on login": once the preferences, the devices and this browser are known.
    const { session, status } = this.resource
    if (this.autoChecked || !session || this.endpoint === undefined || status !== 'ready') return
    if (this.devices.status === 'loading') return
    this.autoChecked = true
    void this.vapidKey().catch(() => {}) // in hand before a click: Safari wants subscribe() close to it
    const api = this.api.value
    if (!api || this.permission !== 'granted' || this.enabledHere) return
    // The shell's run, shared when it is under way. Quietly: the member did not ask, and Enable says why it fails,
    // but a browser that refuses push here shows it now.
    void this.run(async () => {
      const subscription = await autoSubscribe(api, this.push, session.userId).catch((err) => {
        this.failed(err, true)
      })
      if (subscription) await this.subscribed(subscription, null)
    })
  }

  /** The shell's API client (there is one once the session is: nothing calls this before). */
  private request<T>(path: string, options?: RequestOptions): Promise<T> {
    return (this.api.value as ApiClient).request<T>(path, options)
  }

  /** The server's VAPID public key, asked once. */
  private async vapidKey(): Promise<string> {
    this.key ??= (await this.request<PushConfig>('/functions/v1/push-config')).vapid_public_key
    return this.key
  }

  private say(text: string, failed = false): void {
    this.notice = { text, failed }
  }

  /**
   * What a failure comes to: a refusal is a state (blocked, or push not available in this window), and this says
   * whether the state changed; anything else is said in plain words (unless `quiet`), never the browser's own.
   */
  private failed(err: unknown, quiet = false): boolean {
    if (err instanceof ApiRequestError) {
      if (!quiet) this.say(failureText(err), true)
      return false
    }
    // Registering may have worked even when what followed did not.
    void this.push.registered().then(
      (registered) => {
        this.registered = registered
      },
      () => {},
    )
    const failure = failureOf(err)
    if (failure === 'refused') {
      this.permission = this.push.permission()
      this.available = this.permission === 'denied' // then the permission says it all
      return true
    }
    if (!quiet) this.say(failures[failure](err instanceof PushTimeout ? err.ms / 1000 : 0), true)
    return false
  }

  /** Moves the focus to the note on this device's state (blocked, not available) when the button it follows went. */
  private async showNote(): Promise<void> {
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('.note[tabindex]')?.focus()
  }

  /**
   * Runs one action on this device at a time. `action` starts at once, inside the click, so that a permission
   * request keeps the click's user activation; what fails is said in the live region, not thrown.
   */
  private async run(action: () => Promise<unknown>): Promise<void> {
    if (this.busy) return
    this.busy = true
    this.say('')
    try {
      await action()
    } catch (err) {
      if (this.failed(err)) void this.showNote() // the button went: what this device's state is now
    } finally {
      this.busy = false
    }
  }

  private readonly enable = () =>
    this.run(async () => {
      const answer = await this.push.requestPermission()
      this.permission = answer
      if (answer === 'granted') return this.subscribe()
      if (answer === 'default')
        return this.say(
          msg('You closed the question without choosing. Select Enable notifications to be asked again.', {
            id: 'notif.dismissed',
          }),
        )
      await this.showNote() // how to unblock
    })

  /** Subscribes this browser with the server's key and stores the subscription, named after this browser. */
  private async subscribe(): Promise<void> {
    const { subscription, row } = await storeSubscription(
      this.api.value as ApiClient,
      this.push,
      await this.vapidKey(),
    )
    this.remember(false)
    await this.subscribed(subscription, row)
  }

  /** This browser's subscription is stored: show it among the devices, and say so. */
  private async subscribed(subscription: BrowserSubscription, row: { id: string } | undefined | null) {
    this.endpoint = normalEndpoint(subscription.endpoint)
    this.registered = true
    await this.devices.load()
    emit(this, 'cg-saved', { tab: this.tab, resource: 'push_subscriptions', value: row ?? {} })
    this.say(msg('Notifications are on for this device.', { id: 'notif.on-here' }))
  }

  private readonly disable = () =>
    this.run(async () => {
      const filters = { endpoint: `eq.${this.endpoint}` }
      await this.request(restPath(this.devices.spec, { filters }), { method: 'DELETE' })
      await this.dropped()
      this.say(msg('Notifications are off for this device.', { id: 'notif.off-here' }))
    })

  /** Whether the member turned notifications off in this browser (so signing in does not turn them on). */
  private remember(off: boolean): void {
    const session = this.resource.session
    if (session) this.push.setTurnedOff(session.userId, off)
  }

  /** This browser's row is gone: the browser unsubscribes too. */
  private async dropped(): Promise<void> {
    this.endpoint = null
    this.remember(true)
    await Promise.all([this.devices.load(), this.push.unsubscribe()])
  }

  private readonly sendTest = () =>
    this.run(async () => {
      this.results = []
      const { results } = await this.request<TestPushResponse>('/functions/v1/test-push', {
        method: 'POST',
        body: {},
      })
      const delivered = results.filter((r) => r.ok).length
      const removed = results.filter((r) => r.removed).length
      const failed = results.length - delivered - removed
      this.results = results
      this.say(
        results.length
          ? msg(str`Test sent: ${delivered} delivered, ${removed} removed, ${failed} failed.`, {
              id: 'notif.test.summary',
            })
          : msg('None of your devices has notifications on yet.', { id: 'notif.test.none' }),
        failed > 0,
      )
      if (removed) await this.devices.load()
    })

  private columns(): ListColumn<Device>[] {
    const here = msg('This device', { id: 'notif.this-device' })
    return [
      {
        key: 'device_label',
        label: msg('Device', { id: 'notif.device' }),
        render: (device) =>
          html`${deviceName(device)}
          ${device.endpoint === this.endpoint ? html`<span class="badge" data-tone="success">${here}</span>` : nothing}`,
      },
      {
        key: 'created_at',
        label: msg('Added', { id: 'notif.added' }),
        // Not the kit's formatDate: a third tab importing format.ts splits its chunk, over Webhooks' size budget.
        render: (d) => new Date(d.created_at).toLocaleDateString(getLocale(), { dateStyle: 'medium' }),
      },
    ]
  }

  /**
   * This device's state, one of: not available (no Web Push, iPhone outside the Home Screen, push refused in this
   * window), or the permission, the service worker and whether this browser is subscribed, with how to unblock.
   */
  private renderDevice(support: PushSupport) {
    if (support === 'unsupported')
      return html`<p class="note">
        ${msg(
          'This browser cannot show notifications here: private windows and older browsers lack Web Push. Use a regular window of a recent Chrome, Edge, Firefox or Safari.',
          { id: 'notif.unsupported' },
        )}
      </p>`
    if (support === 'ios-needs-install')
      return html`<div class="note">
        ${msg(
          'On iPhone and iPad (iOS and iPadOS 16.4 or later), notifications work only from the Home Screen:',
          {
            id: 'notif.ios',
          },
        )}
        <ol>
          <li>${msg('In Safari, tap Share.', { id: 'notif.ios-share' })}</li>
          <li>${msg('Choose Add to Home Screen.', { id: 'notif.ios-add' })}</li>
          <li>${msg('Open the app from its new icon and enable notifications there.', { id: 'notif.ios-open' })}</li>
        </ol>
      </div>`
    if (!this.available)
      return html`<p class="note" tabindex="-1">
        ${msg(
          "This window refuses push notifications, as private windows and browsers with push turned off do. Open this page in a regular window, or turn push on in the browser's settings.",
          { id: 'notif.unavailable' },
        )}
      </p>`
    const { permission } = this
    const checking = this.endpoint === undefined || this.devices.status === 'loading'
    const known = (text: string) => (checking ? msg('Checking…', { id: 'notif.checking' }) : text)
    return html`<dl>
        <dt>${msg('Permission', { id: 'notif.permission' })}</dt>
        <dd>${permissions[permission]()}</dd>
        <dt>${msg('Service worker', { id: 'notif.worker' })}</dt>
        <dd>
          ${known(
            this.registered
              ? msg('Registered', { id: 'notif.registered' })
              : msg('Not registered', { id: 'notif.unregistered' }),
          )}
        </dd>
        <dt>${msg('Notifications here', { id: 'notif.here' })}</dt>
        <dd>${known(this.enabledHere ? msg('On', { id: 'notif.on' }) : msg('Off', { id: 'notif.off' }))}</dd>
      </dl>
      ${
        permission === 'denied'
          ? html`<p class="note" id="cg-blocked" tabindex="-1">
              ${msg(
                'Notifications are blocked for this site. To allow them, open the site settings from the lock or tune icon in the address bar, set Notifications to Allow, then reload this page.',
                { id: 'notif.blocked' },
              )}
            </p>`
          : nothing
      }`
  }

  /** Enable, or Disable once on: one button, so the focus stays on it as it turns from one to the other. */
  private renderToggle(support: PushSupport) {
    const on = this.enabledHere
    if (support !== 'supported' || !this.available || this.permission === 'denied') return nothing
    return html`<button
      type="button"
      class=${on ? '' : 'primary'}
      data-action=${on ? 'disable' : 'enable'}
      aria-disabled=${this.busy}
      @click=${on ? this.disable : this.enable}
    >
      ${on ? msg('Disable on this device', { id: 'notif.disable' }) : msg('Enable notifications', { id: 'notif.enable' })}
    </button>`
  }

  override render() {
    const { busy, notice, results } = this
    const support = this.push.support()
    return html`<section aria-labelledby="cg-device-heading">
        <h3 id="cg-device-heading">${msg('This device', { id: 'notif.this-device' })}</h3>
        ${this.renderDevice(support)}
        <div class="actions">
          ${this.renderToggle(support)}
          <button type="button" data-action="test" aria-disabled=${busy} @click=${this.sendTest}>
            ${msg('Send test notification', { id: 'notif.test' })}
          </button>
        </div>
        <p role="status" class=${notice.failed ? 'failed' : 'muted'}>${notice.text}</p>
        ${
          results.length
            ? html`<ul aria-label=${msg('Test results', { id: 'notif.test.results' })}>
                ${results.map((r) => html`<li><strong>${deviceName(r)}</strong>: ${outcome(r)}</li>`)}
              </ul>`
            : nothing
        }
      </section>
      <section aria-labelledby="cg-prefs-heading">
        <h3 id="cg-prefs-heading">${msg('Preferences', { id: 'notif.preferences' })}</h3>
        ${this.preferences.render()}
      </section>
      <section aria-labelledby="cg-devices-heading">
        <h3 id="cg-devices-heading" tabindex="-1">${msg('My devices', { id: 'notif.devices' })}</h3>
        ${this.deviceList.render()}
      </section>
      ${this.confirmation.render()} ${this.renderToasts()}`
  }
}

defineElement('cg-notifications-tab', CgNotificationsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-notifications-tab': CgNotificationsTab
  }
}
