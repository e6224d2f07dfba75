/** @module Styles of `<cg-resource-list>`, with the cell classes tabs use in their columns, and its narrow layout. */
import { css } from 'lit'
import { buttonStyles, tokens, visuallyHidden } from '../styles/theme.ts'

export const styles = [
  tokens,
  buttonStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-family: var(--_font);
      font-size: var(--_font-size);
      color: var(--_text);
    }
    .search {
      display: grid;
      gap: calc(var(--_space) / 2);
      max-width: 360px;
      margin-bottom: calc(var(--_space) * 1.5);
    }
    .search label {
      font-weight: 600;
    }
    .search input {
      font: inherit;
      color: inherit;
      min-height: 36px;
      padding: calc(var(--_space) * 0.75) var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .search input:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    .scroll {
      position: relative;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    table[aria-busy='true'] {
      opacity: 0.6;
    }
    th,
    td {
      padding: calc(var(--_space) * 0.75) var(--_space);
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: middle;
    }
    .handle {
      display: inline-block;
      inline-size: 1.25em;
      color: var(--_muted);
      cursor: grab;
    }
    button.icon {
      min-inline-size: 2rem;
      padding-inline: 0.375rem;
    }
    tr[draggable='true'] {
      cursor: grab;
    }
    tr[data-dragging] {
      opacity: 0.5;
    }
    tr {
      height: var(--cg-list-row-height, 44px);
    }
    th {
      color: var(--_muted);
      font-size: 0.85em;
      font-weight: 600;
    }
    .actions {
      position: sticky;
      inset-inline-end: 0;
      max-inline-size: none;
      background: var(--_bg);
      text-align: end;
      white-space: nowrap;
    }
    .actions button + button {
      margin-inline-start: var(--_space);
    }
    /* A header that only screen readers need (e.g. over the row buttons). */
    th.actions span {
      ${visuallyHidden}
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .muted,
    .empty {
      color: var(--_muted);
    }
    .swatch {
      display: inline-block;
      width: 16px;
      height: 16px;
      margin-inline-end: var(--_space);
      border: 1px solid var(--_border);
      border-radius: 50%;
      vertical-align: -3px;
      background: var(--swatch, transparent);
    }
    /* A status in words (never color alone): <span class="badge" data-tone="success|warning|danger|muted">. */
    .badge {
      --_tone: var(--_muted);
      display: inline-block;
      padding: 0 calc(var(--_space) * 0.75);
      border: 1px solid var(--_tone);
      border-radius: 999px;
      background: color-mix(in srgb, var(--_tone) 12%, transparent);
      font-size: 0.85em;
      line-height: 1.6;
      white-space: nowrap;
    }
    .badge[data-tone='success'] {
      --_tone: var(--_success);
    }
    .badge[data-tone='warning'] {
      --_tone: var(--cg-color-warning, #b54708);
    }
    .badge[data-tone='danger'] {
      --_tone: var(--_danger);
    }
    /* A second line in a cell, e.g. a description under a name. */
    .sub {
      display: block;
      max-width: 240px;
      font-family: var(--_font);
      overflow: hidden;
      color: var(--_muted);
      font-size: 0.9em;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .nowrap {
      white-space: nowrap;
    }
    .failed p {
      color: var(--_danger);
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      margin-top: calc(var(--_space) * 1.5);
    }
    .range {
      margin-inline-end: auto;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
  `,
  // Its own width, not its content's, is what the page sees (the host's container-type, which the cards below ask
  // too); the table scrolls in .scroll, a visually hidden header with it, and the row buttons stay in view (sticky).
  // Each cell is one line: a long value takes at most its share of the width and ends in an ellipsis, and the cell
  // then takes the focus (cg-resource-list.ts), and wraps while it has it. More's menu is a popover (row-menu.ts),
  // placed by its button. Below 600 px of the list's own width each row is a card of label and value pairs.
  css`
    td {
      box-sizing: border-box;
      max-inline-size: calc(100cqi / var(--_cols));
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    td[tabindex]:focus,
    td[tabindex]:focus *,
    td details {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    [role='menu'] {
      inset: auto;
      position-area: block-end span-inline-start;
      position-try-fallbacks: flip-block;
      margin: 2px 0;
      padding: calc(var(--_space) / 2) 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      box-shadow: 0 4px 12px #0003;
    }
    .actions [role='menuitem'] {
      display: block;
      inline-size: 100%;
      margin: 0;
      border: 0;
      text-align: start;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus {
      background: var(--_surface);
    }
    @container (width < 600px) {
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      thead {
        position: absolute;
        inline-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr {
        height: auto;
        margin-block-end: var(--_space);
        padding: var(--_space) calc(var(--_space) * 1.5);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      td {
        max-inline-size: none;
        padding: 2px 0;
        border: 0;
      }
      td::before {
        content: attr(data-label);
        display: inline-block;
        min-inline-size: 7em;
        padding-inline-end: var(--_space);
        color: var(--_muted);
        font-size: 0.85em;
        font-weight: 600;
      }
      td > .sub {
        padding-inline-start: calc(6em + var(--_space));
      }
      td.actions {
        position: static;
        padding-top: var(--_space);
        text-align: start;
        white-space: normal;
      }
      td.actions::before {
        content: none;
      }
    }
  `,
]
