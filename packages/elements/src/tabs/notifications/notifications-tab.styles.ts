/** @module Styles of the Notifications tab: the kit's, three sections, this device's status as a two-column list. */
import { css } from 'lit'
import { tabStyles } from '../../kit/tab-styles.ts'

export const styles = [
  ...tabStyles,
  css`
    section + section {
      margin-top: calc(var(--_space) * 4);
    }
    h3 {
      margin-bottom: calc(var(--_space) * 1.5);
    }
    dl {
      margin: 0 0 calc(var(--_space) * 1.5);
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: progress;
    }
  `,
]
