/** @module Styles shared by the form kit's controls: label, help and error text, inputs. */
import { css } from 'lit'
import { tokens } from '../styles/theme.ts'

export const fieldStyles = [
  tokens,
  css`
    :host {
      display: block;
      font-family: var(--_font);
      font-size: var(--_font-size);
      color: var(--_text);
    }
    :host([hidden]) {
      display: none;
    }
    .field {
      display: grid;
      gap: calc(var(--_space) / 2);
    }
    label,
    .label {
      font-weight: 600;
    }
    .help {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .error {
      color: var(--_danger);
      font-size: 0.9em;
    }
    input,
    textarea,
    select,
    button {
      font: inherit;
      color: inherit;
    }
    .control {
      box-sizing: border-box;
      width: 100%;
      min-height: 36px;
      padding: calc(var(--_space) * 0.75) var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .control:focus-visible,
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    .control[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .control:disabled,
    .control[readonly] {
      background: var(--_surface);
      color: var(--_muted);
    }
  `,
]

/** A group of choices (radios, checkboxes): a bare fieldset, its legend as the label, the options stacked, each a control beside its label and description. */
export const choiceGroupStyles = css`
      fieldset {
        min-width: 0;
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        padding: 0;
        margin-bottom: calc(var(--_space) / 2);
        font-weight: 600;
      }
      .options {
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      .option {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        column-gap: var(--_space);
        align-items: baseline;
      }
      .option input {
        width: 1.1em;
        height: 1.1em;
        margin: 0;
        accent-color: var(--_primary);
        align-self: center;
      }
      .option label {
        font-weight: normal;
        overflow-wrap: anywhere;
        cursor: pointer;
      }
      .option .description {
        grid-column: 2;
        color: var(--_muted);
        font-size: 0.9em;
      }
      fieldset:disabled label {
        color: var(--_muted);
        cursor: default;
      }
      .error,
      .help {
        margin-top: calc(var(--_space) / 2);
      }
`
