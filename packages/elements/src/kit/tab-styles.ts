/** @module Styles every kit tab shares: the form grid, the read-only note, the actions row, the list toolbar. */
import { css } from 'lit'
import { buttonStyles, tokens } from '../styles/theme.ts'
import { dialogStyles } from './dialog-loader.ts'
import { placeholderStyles } from './placeholders.ts'

export const tabStyles = [
  tokens,
  buttonStyles,
  placeholderStyles,
  dialogStyles,
  css`
    :host {
      display: block;
      font-family: var(--_font);
      color: var(--_text);
    }
    [hidden] {
      display: none !important;
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 2);
      max-width: var(--cg-form-width, 576px);
    }
    h3 {
      margin: 0;
      font-size: 1.1em;
    }
    .note,
    .muted {
      color: var(--_muted);
    }
    .note {
      margin: 0 0 calc(var(--_space) * 1.5);
      padding: var(--_space) calc(var(--_space) * 1.5);
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    form .note {
      margin: 0;
    }
    .actions,
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 1.5);
    }
    .toolbar {
      justify-content: flex-end;
      margin-bottom: calc(var(--_space) * 1.5);
    }
    .failed {
      color: var(--_danger);
    }
    /* A box of its own beside a form or a list: a preview, a result, where to paste a URL. */
    .panel {
      display: grid;
      gap: var(--_space);
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .panel p {
      margin: 0;
    }
  `,
]
