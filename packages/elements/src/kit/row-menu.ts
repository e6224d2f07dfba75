/**
 * @module A row's More menu: the actions after its first, behind a menu button (the ARIA menu button pattern), in
 * a popover: the top layer, so no scroll box clips it and it never widens the page.
 */
import { msg, str } from '@lit/localize'
import { html } from 'lit'

const itemsOf = (menu: Element) => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')]
const buttonOf = (menu: Element) => menu.previousElementSibling as HTMLElement

/** Closes the menu `item` is in and focuses its More button, where the focus comes back after the item's action. */
export function closeMenu(item: Element): HTMLElement {
  const menu = item.closest<HTMLElement>('[role="menu"]') as HTMLElement
  const button = buttonOf(menu)
  menu.hidePopover()
  button.focus()
  return button
}

// Enter and Space open it (a click, through popovertarget, which also places it by its button), and ArrowDown.
const onButtonKey = (e: KeyboardEvent) => {
  if (e.key !== 'ArrowDown') return
  e.preventDefault()
  ;(e.currentTarget as HTMLElement).click()
}

// Open: the first item has the focus. Closed, also by a click outside it: the button says so.
const onToggle = (e: ToggleEvent) => {
  const menu = e.currentTarget as HTMLElement
  const open = e.newState === 'open'
  buttonOf(menu).setAttribute('aria-expanded', String(open))
  if (open) itemsOf(menu)[0]?.focus()
}

// Arrows, Home and End move between the items; Escape closes it and Tab leaves it, both from its button.
const onMenuKey = (e: KeyboardEvent) => {
  const menu = e.currentTarget as HTMLElement
  const items = itemsOf(menu)
  const at = items.indexOf(e.target as HTMLElement)
  const to = (
    { ArrowDown: at + 1, ArrowUp: at - 1 + items.length, Home: 0, End: items.length - 1 } as Record<
      string,
      number
    >
  )[e.key]
  if (to !== undefined) {
    e.preventDefault()
    items[to % items.length]?.focus()
  } else if (e.key === 'Escape' || e.key === 'Tab') {
    if (e.key === 'Escape') e.preventDefault()
    closeMenu(menu)
  }
}

/** More, and the menu of `items` (buttons of role `menuitem`, `tabindex=-1`) of the row `id`, named `name`. */
export function rowMenu(id: string, name: string, items: unknown) {
  const label = msg(str`More actions for ${name}`, { id: 'kit.list.more-row' })
  const menu = `more-${id}`
  // One line each: a template's spaces ship as they are.
  return html`<button type="button" data-action="more" aria-haspopup="menu" aria-expanded="false" aria-label=${label} popovertarget=${menu} @keydown=${onButtonKey}>${msg('More', { id: 'kit.list.more' })}</button
    ><div id=${menu} role="menu" aria-label=${label} popover @toggle=${onToggle} @keydown=${onMenuKey}>${items}</div>`
}
