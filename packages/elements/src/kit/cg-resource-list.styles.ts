/** @module Styles of `<cg-resource-list>`, with the cell classes tabs use in their columns. */
import { css } from 'lit'
import { buttonStyles, tokens } from '../styles/theme.ts'

export const styles = [
  tokens,
  buttonStyles,
  css`
    :host {
      display: block;
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
      text-align: end;
      white-space: nowrap;
    }
    .actions button + button {
      margin-inline-start: var(--_space);
    }
    /* A header that only screen readers need (e.g. over the row buttons). */
    th.actions span {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .clamp {
      max-width: 480px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
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
    /* A status in words (never colour alone): <span class="badge" data-tone="success|warning|danger|muted">. */
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
]
