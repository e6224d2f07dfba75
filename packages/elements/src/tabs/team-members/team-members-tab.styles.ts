/** @module Styles of the Team Members tab: the kit's, with My availability as a row of radio buttons, each with its dot. */
import { css } from 'lit'
import { ListTab } from '../../kit/list-tab.ts'

export const styles = [
  ...ListTab.styles,
  css`
    .mine {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
      margin: 0 0 calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .mine legend {
      padding: 0 var(--_space);
      font-weight: 600;
    }
    .mine label {
      display: inline-flex;
      align-items: center;
      gap: var(--_space);
    }
    .dot {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--swatch, transparent);
    }
    section {
      margin-top: calc(var(--_space) * 3);
    }
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 16rem));
      gap: calc(var(--_space) * 2);
      margin-block: calc(var(--_space) * 2);
    }
    section h3 {
      margin-bottom: calc(var(--_space) * 1.5);
    }
  `,
]
