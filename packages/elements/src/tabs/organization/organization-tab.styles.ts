/** @module Styles of the Organization tab. */
import { css } from 'lit'
import { focusRing, tokens } from '../../styles/theme.ts'

export const styles = [
  tokens,
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
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
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
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button:focus-visible {
      ${focusRing}
    }
    .failed {
      color: var(--_danger);
    }
  `,
]
