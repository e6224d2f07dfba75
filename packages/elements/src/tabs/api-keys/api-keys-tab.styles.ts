/** @module Styles of the API Keys tab: the kit's, with a sparkline sized for a table cell. */
import { css } from 'lit'
import { ListTab } from '../../kit/list-tab.ts'

export const styles = [
  ...ListTab.styles,
  css`
    :host {
      --cg-sparkline-width: 72px;
    }
  `,
]
