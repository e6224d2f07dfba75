/** @module Styles of the Teams tab: the kit's, with a team's members as rows of name, badge, toggle and Remove. */
import { css } from 'lit'
import { ListTab } from '../../kit/list-tab.ts'

export const styles = [
  ...ListTab.styles,
  css`
    .people {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .people li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 2);
      padding: var(--_space) 0;
      border-bottom: 1px solid var(--_border);
    }
    .people span:first-child {
      flex: 1;
    }
  `,
]
