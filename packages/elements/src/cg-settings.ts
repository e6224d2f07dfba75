/** @module `<cg-settings>`: the settings hub shell: session, role-filtered navigation, lazily loaded tabs. */
import { canSeeTab } from '@connectgain/contracts/role-tabs'
import { isTabId, type TabId } from '@connectgain/contracts/tabs'
import { provide } from '@lit/context'
import { localized, msg, str } from '@lit/localize'
import { html, LitElement, nothing, type PropertyValues } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { ApiClient, ApiRequestError, DEFAULT_TIMEOUT, type TokenProvider, timed } from './api/client.ts'
import { canRetry, failureText } from './api/failure-text.ts'
import { styles } from './cg-settings.styles.ts'
import { apiContext, DEFAULT_SW_URL, sessionContext, swUrlContext } from './context.ts'
import { defineElement } from './define.ts'
import { emit } from './events.ts'
import { useLocale } from './i18n/localization.ts'
import type { CgDialog } from './kit/cg-dialog.ts'
import { dialogReady } from './kit/dialog-loader.ts'
import { skeleton } from './kit/placeholders.ts'
import { HOST_SLOT_PREFIX, type HostTab, hostTabsOf, type NavTab, navTabs, roleFor } from './nav-tabs.ts'
import { readSession, type Session } from './session.ts'
import { preloadTab } from './tabs/first-requests.ts'
import { categoryLabels, roleLabels, type TabElement, tabLabels, tabLoaders } from './tabs/tab-registry.ts'

const HASH_PREFIX = '#settings/'
const builtTabs: ReadonlySet<string> = new Set(Object.keys(tabLoaders))

/**
 * The ConnectGain settings hub.
 *
 * @tag cg-settings
 * @fires {CustomEvent<CgNavigateDetail>} cg-navigate - The user moved to another tab. `detail: { tab, previous }`.
 * @fires {CustomEvent<CgSavedDetail>} cg-saved - A tab saved its form. `detail: { tab, resource, value }`.
 * @fires {CustomEvent<CgErrorDetail>} cg-error - Signing in or a request failed. `detail: { code, message, status }`: the developer's detail; the user sees plain words.
 * @slot tab:<id> - A tab of the host page's own: `<section slot="tab:billing" data-label="Billing" data-category="workspace">`. It shows in the nav (in its category, or under `data-category` as written), opens at `#settings/<id>`, and is shown to every role.
 * @csspart base - The outer frame.
 * The shell adds no page landmarks (no `<header>` or `<main>`): the host page has its own.
 *
 * @csspart header - The top bar with the title (and the menu button on narrow screens).
 * @csspart nav - The category navigation.
 * @csspart panel - The area that shows the active tab.
 * @csspart dialog - The unsaved-changes confirmation (the native `<dialog>` inside `<cg-dialog>`).
 * @cssprop [--cg-color-bg=#ffffff] - Background.
 * @cssprop [--cg-color-surface=#f6f7f9] - Raised surfaces, the navigation.
 * @cssprop [--cg-color-text=#1b1f24] - Text.
 * @cssprop [--cg-color-muted=#5a6472] - Secondary text.
 * @cssprop [--cg-color-border=#d0d5dc] - Borders.
 * @cssprop [--cg-color-primary=#2456d3] - Accent: the current tab, primary buttons.
 * @cssprop [--cg-color-on-primary=#ffffff] - Text on the accent color.
 * @cssprop [--cg-color-danger=#b42318] - Errors and destructive actions.
 * @cssprop [--cg-color-success=#067647] - Success messages.
 * @cssprop [--cg-color-focus=#2456d3] - The focus ring.
 * @cssprop [--cg-radius=6px] - Corner radius.
 * @cssprop [--cg-space=8px] - Base spacing unit.
 * @cssprop [--cg-font-family=system-ui] - Font stack.
 * @cssprop [--cg-font-size=14px] - Base font size.
 * @cssprop --cg-dark-color-bg - Each `--cg-color-*` has a `--cg-dark-color-*` twin used by `theme="dark"` (and `auto` in dark mode).
 * @cssprop [--cg-nav-width=240px] - Width of the navigation column.
 */
@localized()
export class CgSettings extends LitElement {
  static override styles = styles

  /** Base URL of the ConnectGain API; the page's origin when empty. */
  @property({ attribute: 'api-url' }) apiUrl = ''
  /** A session token minted by your backend (`POST /functions/v1/sessions`). */
  @property() token = ''
  /** The open tab's id; updated as the user navigates (and corrected when the role may not open it). */
  @property({ reflect: true }) tab = ''
  /**
   * The tabs to show, in order, comma-separated (`organization,api-keys,webhooks`); every tab when empty. The
   * role's permissions still apply. Slotted host tabs always show: name them here to place them.
   */
  @property() tabs = ''
  /** Also list the tabs that have not landed yet (each says "not available yet"). */
  @property({ type: Boolean, attribute: 'show-unavailable' }) showUnavailable = false
  /** UI language, a BCP 47 tag ("es", "es-MX"); English when unsupported. */
  @property() locale = ''
  /** Color scheme: `light`, `dark`, or `auto` (follows the OS's prefers-color-scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light'
  /** Keep the open tab in the URL hash (`#settings/<tab>`), so links and the back button work. */
  @property({ type: Boolean, attribute: 'sync-hash' }) syncHash = false
  /** Milliseconds a request or a `tokenProvider` call may take before it fails with `code: "timeout"`. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_TIMEOUT
  /**
   * URL of the push service worker the Notifications tab registers to subscribe this browser: `cg-sw.js` from the
   * package, or your own worker that imports it. Same origin as the page; its folder is its scope.
   */
  @provide({ context: swUrlContext }) @property({ attribute: 'sw-url' }) swUrl = DEFAULT_SW_URL
  /**
   * Called for a token when there is none (or the `token` is not a session token, or has expired), and again
   * after a 401 (then the request is retried once). Must resolve to the session token string.
   */
  @property({ attribute: false }) tokenProvider?: TokenProvider

  /** @internal The API client, for the tabs (through @lit/context). */
  @provide({ context: apiContext }) @state() protected api?: ApiClient
  /** @internal The signed-in member, read from the token, for the tabs. */
  @provide({ context: sessionContext }) @state() protected session: Session | null = null
  @state() private navOpen = false
  /** Why there is no session (the user reads `failureText`, the host gets `cg-error`). */
  @state() private failure: ApiRequestError | null = null
  @state() private loaded = new Set<TabId>()
  /** Tabs whose chunk failed to load (offline, a deploy replaced it): the panel says so. */
  @state() private broken = new Set<TabId>()
  @state() private pendingTab: string | null = null
  /** The host page's slotted tabs. */
  @state() private hostTabs: HostTab[] = []
  /** A deep link the role may not open: its tab, shown as a notice naming the role it needs. */
  @state() private refused: TabId | null = null
  private readonly loading = new Set<TabId>()
  private focusedTab: string | null = null
  private focusHeading = false
  private readonly tabElements = new Map<TabId, TabElement>()
  /** The member this page auto-subscribed (or decided not to). */
  private autoSubscribed?: string

  @query('cg-dialog') private dialog?: CgDialog

  /** The nav's tabs for this member, in display order. */
  private get navList(): NavTab[] {
    if (!this.session) return []
    const { tabs, showUnavailable, hostTabs } = this
    return navTabs({ role: this.session.role, built: builtTabs, showUnavailable, tabs, hostTabs })
  }

  /** The ids of the tabs this member sees, in display order. */
  get visibleTabs(): string[] {
    return this.navList.map((t) => t.id)
  }

  /** The tab on screen: the requested one if it shows, else the first that does. */
  get activeTab(): string | null {
    const visible = this.visibleTabs
    return visible.includes(this.tab) ? this.tab : (visible[0] ?? null)
  }

  private readonly hostTabWatch = new MutationObserver(() => {
    this.hostTabs = hostTabsOf(this.children)
  })

  override connectedCallback(): void {
    super.connectedCallback()
    performance.mark('cg-settings:connected') // bench/elements.ts times the first tab from here
    this.hostTabs = hostTabsOf(this.children)
    this.hostTabWatch.observe(this, {
      childList: true,
      subtree: true,
      attributeFilter: ['slot', 'data-label', 'data-category'],
    })
    window.addEventListener('hashchange', this.onHashChange)
    window.addEventListener('beforeunload', this.onBeforeUnload)
    if (this.syncHash) this.onHashChange()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.hostTabWatch.disconnect()
    window.removeEventListener('hashchange', this.onHashChange)
    window.removeEventListener('beforeunload', this.onBeforeUnload)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) void useLocale(this.locale)
    const reconnect = ['apiUrl', 'token', 'tokenProvider', 'requestTimeout'] as const
    if (reconnect.some((key) => changed.has(key))) this.connectApi()
    if (this.session && this.tab && !this.visibleTabs.includes(this.tab)) this.refuse(this.tab)
    const tab = this.activeTab
    if (
      isTabId(tab) &&
      builtTabs.has(tab) &&
      !this.loaded.has(tab) &&
      !this.loading.has(tab) &&
      !this.broken.has(tab)
    )
      void this.load(tab)
    this.autoSubscribe()
  }

  /**
   * A tab that does not show for this member (a deep link, the `tab` attribute): the tab on screen stays, the
   * hash and `tab` say so, and when the role is why, a notice names the role that may open it.
   */
  private refuse(tab: string): void {
    const role = this.session?.role
    this.refused = role && isTabId(tab) && !canSeeTab(role, tab) ? tab : null
    const shown = this.activeTab // the tab on screen, or the first when `tab` asked for this one
    this.tab = shown ?? ''
    if (this.syncHash && shown && location.hash.startsWith(HASH_PREFIX))
      history.replaceState(null, '', `${HASH_PREFIX}${shown}`)
  }

  /**
   * The spec's "automatic subscription on login", once per member: only where the browser already allows
   * notifications is the small chunk that decides (and never asks) loaded at all.
   */
  private autoSubscribe(): void {
    const { session, api } = this
    if (!session || !api || this.autoSubscribed === session.userId) return
    this.autoSubscribed = session.userId
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
    void import('./tabs/notifications/auto-subscribe.ts')
      .then((chunk) => chunk.autoSubscribeBrowser(api, session.userId, () => this.swUrl))
      .catch(() => {}) // quietly: nobody asked, and the Notifications tab says what fails
  }

  protected override updated(): void {
    if (this.focusHeading) {
      this.focusHeading = false
      this.renderRoot.querySelector<HTMLElement>('#cg-tab-heading')?.focus()
    }
  }

  /**
   * A new API client for the current attributes. A token that is missing, not a session token or expired
   * counts as none: the tokenProvider is asked, and without one the element says it cannot sign in.
   */
  private connectApi(): void {
    const token = this.token
    const claims = readSession(token)
    const session = claims && !(claims.expiresAt * 1000 <= Date.now()) ? claims : null
    this.failure = null
    this.session = session
    const api = new ApiClient({
      baseUrl: this.apiUrl || location.origin,
      token: session ? token : undefined,
      tokenProvider: this.tokenProvider,
      timeout: this.requestTimeout,
      onToken: (fresh) => {
        this.session = readSession(fresh)
      },
      onError: (error) => this.reportError(error),
    })
    this.api = api
    if (session) return
    if (this.tokenProvider) {
      this.signIn()
      return
    }
    const [code, message] = !token
      ? ['token_missing', 'No token attribute and no tokenProvider']
      : claims
        ? ['token_expired', 'The token has expired and there is no tokenProvider to renew it']
        : [
            'token_invalid',
            'The token attribute is not a session token (a JWT with sub, org and role claims)',
          ]
    // A page may set tokenProvider in a script that runs right after the element is defined: wait a task.
    setTimeout(() => {
      if (api === this.api) this.reportError(new ApiRequestError(0, code, message))
    })
  }

  /** Asks the tokenProvider for the first token. */
  private signIn(): void {
    this.failure = null
    this.api?.currentToken().catch((err: unknown) => this.reportError(err))
  }

  private reportError(err: unknown): void {
    const error = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'network', String(err))
    if (!this.session) this.failure = error
    emit(this, 'cg-error', { code: error.code, message: error.message, status: error.status })
  }

  /** Imports a tab's chunk once (and preloads its data); the panel shows a skeleton meanwhile, for `requestTimeout` at most. */
  private async load(tab: TabId): Promise<void> {
    this.loading.add(tab)
    // The tab's first GET starts beside its chunk, not after it: the tab takes the answer when it asks.
    if (this.api && this.session) preloadTab(this.api, this.session, tab)
    const chunk = Promise.resolve(tabLoaders[tab]?.()).then(() => {
      this.loaded = new Set([...this.loaded, tab]) // also when it arrives late: the panel shows it then
      void this.updateComplete
        .then(() => (this.tabElements.get(tab) as Partial<LitElement> | undefined)?.updateComplete)
        .then(() => performance.mark('cg-settings:tab-ready'))
    })
    try {
      await timed(
        chunk,
        this.requestTimeout,
        () => new ApiRequestError(0, 'timeout', `The ${tab} tab did not load`),
      )
    } catch (err) {
      this.broken = new Set([...this.broken, tab])
      this.reportError(err)
    } finally {
      this.loading.delete(tab)
    }
  }

  private readonly onHashChange = (): void => {
    if (!this.syncHash || !location.hash.startsWith(HASH_PREFIX)) return
    const tab = location.hash.slice(HASH_PREFIX.length)
    if (tab && tab !== this.activeTab) this.navigate(tab, { fromHash: true })
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.currentTabElement()?.hasUnsavedChanges) event.preventDefault()
  }

  private currentTabElement(): TabElement | undefined {
    const tab = this.activeTab
    return isTabId(tab) ? this.tabElements.get(tab) : undefined
  }

  /**
   * Opens `tab` (one of ours or a host tab's id), after asking when the current tab has unsaved changes. A tab
   * that does not show for this member is refused: the notice says which role may open it.
   */
  navigate(tab: string, { fromHash = false, force = false } = {}): void {
    const previous = this.activeTab
    if (tab === previous) return
    if (!this.session) {
      this.tab = tab // checked once the session is known
      return
    }
    if (!this.visibleTabs.includes(tab)) {
      this.refuse(tab)
      return
    }
    if (!force && this.currentTabElement()?.hasUnsavedChanges) {
      this.pendingTab = tab
      void Promise.all([dialogReady(), this.updateComplete]).then(() => this.dialog?.show())
      return
    }
    this.tab = tab
    this.refused = null
    this.navOpen = false
    this.focusHeading = true
    if (this.syncHash && !fromHash) history.pushState(null, '', `${HASH_PREFIX}${tab}`)
    emit(this, 'cg-navigate', { tab, previous })
  }

  private leave(confirmed: boolean): void {
    const pending = this.pendingTab
    this.pendingTab = null
    if (confirmed && pending) {
      this.tabElements.delete(this.activeTab as TabId) // its edits are discarded
      this.navigate(pending, { force: true })
    }
  }

  /** Arrow keys, Home and End move focus through the nav links (one tab stop: roving tabindex). */
  private onNavKeydown(event: KeyboardEvent): void {
    const links = [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('nav a[data-tab]')]
    const focused = this.renderRoot.querySelector<HTMLAnchorElement>('nav a:focus')
    const index = focused ? links.indexOf(focused) : -1
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: links.length - 1,
    }
    const next = moves[event.key]
    if (next === undefined || index < 0) return
    event.preventDefault()
    const link = links[(next + links.length) % links.length]
    this.focusedTab = link?.dataset.tab ?? null
    this.requestUpdate()
    link?.focus()
  }

  private tabElement(tab: TabId): TabElement {
    let element = this.tabElements.get(tab)
    if (!element) {
      element = document.createElement(`cg-${tab}-tab`) as TabElement
      this.tabElements.set(tab, element)
    }
    return element
  }

  private label(tab: string): string {
    return isTabId(tab) ? tabLabels[tab]() : (this.hostTabs.find((t) => t.id === tab)?.label ?? tab)
  }

  private renderNav(active: string) {
    const list = this.navList
    const rover = this.focusedTab && list.some((t) => t.id === this.focusedTab) ? this.focusedTab : active
    const categories = [...new Set(list.map((t) => t.category))]
    return html`<nav id="cg-nav" part="nav" aria-label=${msg('Settings', { id: 'shell.title' })} @keydown=${this.onNavKeydown}>
      ${categories.map((category, i) => {
        const name =
          category in categoryLabels ? categoryLabels[category as keyof typeof categoryLabels]() : category
        return html`<h2 class="category" id="cg-cat-${i}">${name}</h2>
          <ul aria-labelledby="cg-cat-${i}">
            ${list
              .filter((t) => t.category === category)
              .map(
                ({ id }) => html`<li>
                  <a
                    href="${HASH_PREFIX}${id}"
                    data-tab=${id}
                    tabindex=${id === rover ? 0 : -1}
                    aria-current=${id === active ? 'page' : nothing}
                    @click=${(e: Event) => {
                      e.preventDefault()
                      this.focusedTab = id
                      this.navigate(id)
                    }}
                    >${this.label(id)}</a
                  >
                </li>`,
              )}
          </ul>`
      })}
    </nav>`
  }

  private renderBody(active: string) {
    if (!isTabId(active)) return html`<slot name="${HOST_SLOT_PREFIX}${active}"></slot>`
    if (!builtTabs.has(active))
      return html`<p class="unavailable">${msg('This section is not available yet.', { id: 'shell.unavailable' })}</p>`
    if (this.loaded.has(active)) return this.tabElement(active)
    if (this.broken.has(active))
      return html`<p role="alert">${msg('This section could not be loaded. Check your connection and reload the page.', { id: 'shell.load-failed' })}</p>`
    return skeleton(3)
  }

  private renderRefused() {
    const tab = this.refused
    const role = tab && roleFor(tab)
    if (!tab || !role || !this.session) return nothing
    return html`<p class="notice" role="status">
      ${msg(str`${tabLabels[tab]()} needs the ${roleLabels[role]()} role. You are signed in as ${roleLabels[this.session.role]()}.`, { id: 'shell.refused' })}
    </p>`
  }

  private renderPanel(active: string) {
    return html`<div part="panel" class="panel">
      ${this.renderRefused()}
      <h2 id="cg-tab-heading" class="tab-heading" tabindex="-1">${this.label(active)}</h2>
      ${this.renderBody(active)}
    </div>`
  }

  override render() {
    const active = this.activeTab
    const title = msg('Settings', { id: 'shell.title' })
    if (!active) {
      const failure = this.failure
      if (!failure)
        return html`<div part="base" class="base empty" role="status">${msg('Loading…', { id: 'shell.loading' })}</div>`
      return html`<div part="base" class="base empty" role="alert">
        <p>${failureText(failure)}</p>
        ${
          this.tokenProvider && canRetry(failure)
            ? html`<button type="button" @click=${() => this.signIn()}>${msg('Try again', { id: 'kit.retry' })}</button>`
            : nothing
        }
      </div>`
    }
    return html`<div part="base" class="base ${this.navOpen ? 'nav-open' : ''}">
      <div part="header" class="header">
        <span class="title">${title}</span>
        <button
          class="menu"
          type="button"
          aria-controls="cg-nav"
          aria-expanded=${this.navOpen ? 'true' : 'false'}
          @click=${() => {
            this.navOpen = !this.navOpen
          }}
        >
          ${this.label(active)}
        </button>
      </div>
      ${this.renderNav(active)} ${this.renderPanel(active)}
      <cg-dialog
        exportparts="dialog"
        variant="confirm"
        danger
        heading=${msg('Discard unsaved changes?', { id: 'shell.unsaved-title' })}
        cancel-label=${msg('Keep editing', { id: 'shell.unsaved-stay' })}
        confirm-label=${msg('Discard changes', { id: 'shell.unsaved-leave' })}
        @cg-close=${(e: CustomEvent<{ confirmed: boolean }>) => this.leave(e.detail.confirmed)}
        >${msg('You have changes on this tab that are not saved.', { id: 'shell.unsaved-body' })}</cg-dialog
      >
    </div>`
  }
}

defineElement('cg-settings', CgSettings)

declare global {
  interface HTMLElementTagNameMap {
    'cg-settings': CgSettings
  }
}
