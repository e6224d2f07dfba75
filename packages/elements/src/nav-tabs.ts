/**
 * @module Which tabs the nav shows, in which order: the role's tabs that have landed (all of them with
 * `show-unavailable`), chosen and ordered by the host's `tabs=` list, plus the host's own slotted tabs.
 */
import { canSeeTab, type RoleName } from '@connectgain/contracts/role-tabs'
import { isTabId, settingsCategories, type TabId } from '@connectgain/contracts/tabs'

/** A tab the host page adds: `<section slot="tab:billing" data-label="Billing" data-category="workspace">`. */
export interface HostTab {
  id: string
  label: string
  /** A category id, or the host's own category name (shown as written). */
  category: string
}

/** A nav entry: one of ours (`host` unset) or one of the host page's. */
export interface NavTab {
  id: string
  category: string
  host?: HostTab
}

export interface NavChoice {
  role: RoleName
  /** Ids of the tabs that have landed (a chunk to load). */
  built: ReadonlySet<string>
  showUnavailable: boolean
  /** The `tabs=` attribute: comma-separated ids; empty for every tab. */
  tabs: string
  hostTabs: readonly HostTab[]
}

export const HOST_SLOT_PREFIX = 'tab:'

/** The host's slotted tabs among `children`, in document order (the first of an id wins). */
export function hostTabsOf(children: Iterable<Element>): HostTab[] {
  const found = new Map<string, HostTab>()
  for (const child of children) {
    const id = child.slot.startsWith(HOST_SLOT_PREFIX) ? child.slot.slice(HOST_SLOT_PREFIX.length) : ''
    if (!id || found.has(id) || isTabId(id)) continue
    const el = child as HTMLElement
    found.set(id, { id, label: el.dataset.label || id, category: el.dataset.category || 'workspace' })
  }
  return [...found.values()]
}

/**
 * The nav's tabs in display order, each category's together (categories in the order their first tab comes).
 * Host tabs always show: `tabs=` may name them to place them, and those it does not name follow the rest.
 */
export function navTabs({ role, built, showUnavailable, tabs, hostTabs }: NavChoice): NavTab[] {
  const ours: NavTab[] = settingsCategories.flatMap((c) =>
    c.tabs
      .filter((t) => canSeeTab(role, t) && (showUnavailable || built.has(t)))
      .map((id) => ({ id, category: c.id })),
  )
  const hosts = hostTabs.map((host) => ({ id: host.id, category: host.category, host }))
  const byCategory = (list: NavTab[]) => {
    const order = [...new Set(list.map((t) => t.category))]
    return order.flatMap((category) => list.filter((t) => t.category === category))
  }
  const listed = [...new Set(tabs.split(',').map((id) => id.trim()))].filter(Boolean)
  if (!listed.length) return byCategory([...ours, ...hosts])
  const all = new Map([...ours, ...hosts].map((t) => [t.id, t]))
  const chosen = listed.flatMap((id) => all.get(id) ?? [])
  return byCategory([...chosen, ...hosts.filter((t) => !listed.includes(t.id))])
}

/** From the least to the most trusted: the first that may open a tab is the one a notice names. */
const byTrust: readonly RoleName[] = ['agent', 'project_manager', 'team_admin', 'admin', 'owner']

/** The least trusted role that may open `tab`. */
export const roleFor = (tab: TabId): RoleName | undefined => byTrust.find((role) => canSeeTab(role, tab))
