/** @module Design tokens: every color, radius and spacing is a `--cg-*` custom property with a default. */
import { css } from 'lit'

/**
 * Applied on each component's :host. Hosts theme the element by setting these on `cg-settings`
 * (they inherit through shadow roots); `theme="dark"` and `theme="auto"` switch the defaults.
 */
export const tokens = css`
  :host {
    --_bg: var(--cg-color-bg, #ffffff);
    --_surface: var(--cg-color-surface, #f6f7f9);
    --_text: var(--cg-color-text, #1b1f24);
    --_muted: var(--cg-color-muted, #5a6472);
    --_border: var(--cg-color-border, #d0d5dc);
    --_primary: var(--cg-color-primary, #2456d3);
    --_on-primary: var(--cg-color-on-primary, #ffffff);
    --_danger: var(--cg-color-danger, #b42318);
    --_success: var(--cg-color-success, #067647);
    --_focus: var(--cg-color-focus, #2456d3);
    --_radius: var(--cg-radius, 6px);
    --_space: var(--cg-space, 8px);
    --_font: var(--cg-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--cg-font-size, 14px);
  }
`

/** Dark defaults, for `theme="dark"` and for `theme="auto"` when the OS prefers dark. */
export const darkTokens = css`
  --cg-color-bg: var(--cg-dark-color-bg, #14171b);
  --cg-color-surface: var(--cg-dark-color-surface, #1d2127);
  --cg-color-text: var(--cg-dark-color-text, #e6e9ed);
  --cg-color-muted: var(--cg-dark-color-muted, #a3acb9);
  --cg-color-border: var(--cg-dark-color-border, #39404a);
  --cg-color-primary: var(--cg-dark-color-primary, #7aa2ff);
  --cg-color-on-primary: var(--cg-dark-color-on-primary, #0b1020);
  --cg-color-danger: var(--cg-dark-color-danger, #ff8a80);
  --cg-color-success: var(--cg-dark-color-success, #6fdca8);
  --cg-color-focus: var(--cg-dark-color-focus, #7aa2ff);
`

/** The visible focus ring every interactive part uses. */
export const focusRing = css`
  outline: 2px solid var(--_focus);
  outline-offset: 2px;
`

/** Read by screen readers, not shown (a skeleton's "Loading…", a header over row buttons). */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`

/** Buttons every tab and the shell share: default, `.primary`, `.danger`, disabled and focused. */
export const buttonStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.75);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-primary);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`
