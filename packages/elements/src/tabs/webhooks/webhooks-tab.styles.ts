/** @module Styles of the Webhooks tab: the kit's, a URL that wraps, a wide log dialog, and an attempt's details. */
import { css } from 'lit'
import { ListTab } from '../../kit/list-tab.ts'

/** One attempt's details (the test result, a row of the log). */
export const attemptStyles = css`
  .attempt {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    margin: var(--_space) 0 0;
  }
  .attempt dt {
    font-weight: 600;
  }
  .attempt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .attempt .error {
    color: var(--_danger);
  }
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
`

export const styles = [
  ...ListTab.styles,
  attemptStyles,
  css`
    /* The secret and Generate beside it. */
    .with-button {
      display: flex;
      align-items: flex-start;
      gap: var(--_space);
    }
    .with-button > :first-child {
      flex: 1;
      min-width: 0;
    }
    .with-button > button {
      margin-top: 1.6em;
    }
    #cg-log {
      --cg-dialog-width: 960px;
    }
    #cg-attempt {
      --cg-dialog-width: 560px;
    }
    #cg-attempt .badge {
      display: inline-block;
      padding: 0 calc(var(--_space) / 2);
      border-radius: var(--_radius);
      border: 1px solid currentColor;
    }
  `,
]
