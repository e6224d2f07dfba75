/** @module Styles of the Organization tab. */
import { css } from 'lit'
import { buttonStyles, tokens } from '../../styles/theme.ts'

export const styles = [
  tokens,
  buttonStyles,
  css`
    :host {
      display: block;
      font-family: var(--_font);
      color: var(--_text);
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 2);
      max-width: 36rem;
    }
    .note,
    .muted {
      color: var(--_muted);
    }
    .note {
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 1.5);
    }
    .failed {
      color: var(--_danger);
    }
  `,
]
