/** @module Styles of the `<cg-settings>` shell: isolated from the host page, themed by `--cg-*` properties. */
import { css } from 'lit'
import { dialogStyles } from './kit/dialog-loader.ts'
import { placeholderStyles } from './kit/placeholders.ts'
import { buttonStyles, darkTokens, focusRing, tokens } from './styles/theme.ts'

export const styles = [
  tokens,
  buttonStyles,
  placeholderStyles,
  dialogStyles,
  css`
    :host {
      /* Nothing inherits in from the host page: fonts, colors and spacing are ours. */
      all: initial;
      /* In a container of fixed height the element is that tall, and its nav and panel scroll inside it. */
      display: flex;
      flex-direction: column;
      max-height: 100%;
      container-type: inline-size;
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.5;
      color: var(--_text);
    }
    :host([hidden]) {
      display: none;
    }
    :host([theme='dark']) {
      ${darkTokens}
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${darkTokens}
      }
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .base {
      /* Set again below the host: a host page's !important rules can reach the host element itself. */
      font-family: var(--_font);
      font-size: var(--_font-size);
      font-style: normal;
      font-weight: 400;
      line-height: 1.5;
      letter-spacing: normal;
      word-spacing: normal;
      text-transform: none;
      text-align: start;
      text-decoration: none;
      display: grid;
      grid-template-columns: var(--cg-nav-width, 240px) minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
      flex: 1 1 auto;
      min-height: 0;
      background: var(--_bg);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      /* clip, not hidden: hidden would make this box the nav's sticky scroller. */
      overflow: clip;
    }
    .base.empty {
      display: block;
      padding: calc(var(--_space) * 3);
      color: var(--_muted);
    }
    .header {
      grid-column: 1 / -1;
      display: flex;
      align-items: center;
      gap: var(--_space);
      padding: var(--_space) calc(var(--_space) * 2);
      border-bottom: 1px solid var(--_border);
    }
    .title {
      font-weight: 700;
      font-size: 1.15em;
    }
    .menu {
      display: none;
    }
    nav {
      background: var(--_surface);
      border-right: 1px solid var(--_border);
      padding: var(--_space);
      overflow-y: auto;
      /* In a tall page the nav stays in view as the panel scrolls by. */
      position: sticky;
      top: 0;
      align-self: start;
      max-height: min(100vh, 100%);
    }
    .category {
      margin: calc(var(--_space) * 1.5) var(--_space) calc(var(--_space) / 2);
      font-size: 0.75em;
      font-weight: 700;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--_muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      display: block;
      padding: calc(var(--_space) * 0.6) var(--_space);
      border-radius: var(--_radius);
      color: inherit;
      text-decoration: none;
    }
    nav a:hover {
      background: color-mix(in srgb, var(--_primary) 8%, transparent);
    }
    nav a[aria-current='page'] {
      background: color-mix(in srgb, var(--_primary) 14%, transparent);
      color: var(--_primary);
      font-weight: 600;
    }
    a:focus-visible,
    button:focus-visible,
    .tab-heading:focus-visible {
      ${focusRing}
    }
    .panel {
      padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
      min-width: 0;
      max-height: 100%;
      overflow-y: auto;
    }
    .notice {
      margin: 0 0 calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-left: 4px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .tab-heading {
      margin: 0 0 calc(var(--_space) * 2);
      font-size: 1.4em;
    }
    .tab-heading:focus:not(:focus-visible) {
      outline: none;
    }
    .unavailable {
      color: var(--_muted);
    }
    /* Narrow containers: the navigation collapses behind a menu button. */
    @container (max-width: 640px) {
      .base {
        grid-template-columns: minmax(0, 1fr);
      }
      .menu {
        display: inline-block;
        margin-left: auto;
      }
      .menu::after {
        content: ' ▾';
      }
      nav {
        display: none;
        border-right: 0;
        border-bottom: 1px solid var(--_border);
        position: static;
        max-height: none;
      }
      .nav-open nav {
        display: block;
      }
      .panel {
        padding: calc(var(--_space) * 2);
      }
    }
  `,
]
