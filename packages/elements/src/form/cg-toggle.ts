/** @module `<cg-toggle>`: an on/off switch (a `<button role="switch">`). */
import { css, html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { defineElement } from '../define.ts'
import { FieldElement } from './field-element.ts'
import { fieldStyles } from './field-styles.ts'

/**
 * The label is the switch's own text; Space and Enter toggle it (a native button), as does a click.
 *
 * @tag cg-toggle
 * @fires cg-field-change - The user switched it; `detail.value` is the new boolean.
 * @csspart switch - The `role="switch"` button (label included).
 * @csspart track - The switch's track.
 * @csspart thumb - The switch's thumb.
 */
export class CgToggle extends FieldElement<boolean> {
  static override styles = [
    ...fieldStyles,
    css`
      button {
        justify-self: start;
        display: inline-flex;
        align-items: center;
        gap: var(--_space);
        max-width: 100%;
        min-height: 36px;
        padding: calc(var(--_space) / 2) 0;
        border: 0;
        background: none;
        text-align: start;
        cursor: pointer;
        border-radius: var(--_radius);
      }
      button:disabled,
      button[aria-readonly='true'] {
        cursor: default;
      }
      button:disabled {
        color: var(--_muted);
      }
      .track {
        flex: none;
        position: relative;
        box-sizing: border-box;
        width: 2.5em;
        height: 1.4em;
        border: 1px solid var(--_border);
        border-radius: 999px;
        background: var(--_surface);
        transition: background-color 0.15s;
      }
      .thumb {
        position: absolute;
        top: 50%;
        left: 0.15em;
        width: 1em;
        height: 1em;
        border-radius: 50%;
        background: var(--_muted);
        transform: translateY(-50%);
        transition: left 0.15s;
      }
      [aria-checked='true'] .track {
        border-color: var(--_primary);
        background: var(--_primary);
      }
      [aria-checked='true'] .thumb {
        left: calc(100% - 1.15em);
        background: var(--_on-primary);
      }
      [aria-invalid='true'] .track {
        border-color: var(--_danger);
      }
      .text {
        font-weight: 600;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      @media (prefers-reduced-motion: reduce) {
        .track,
        .thumb {
          transition: none;
        }
      }
    `,
  ]

  @property({ type: Boolean }) value = false

  private toggle(): void {
    if (this.disabled || this.readonly) return
    this.changed(!this.value)
  }

  override render() {
    return html`<div class="field">
      <button
        id=${this.inputId}
        type="button"
        role="switch"
        part="switch"
        aria-checked=${this.value ? 'true' : 'false'}
        aria-readonly=${this.readonly ? 'true' : nothing}
        aria-required=${this.required ? 'true' : nothing}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy || nothing}
        ?disabled=${this.disabled}
        @click=${this.toggle}
      >
        <span class="track" part="track" aria-hidden="true"><span class="thumb" part="thumb"></span></span>
        <span class="text">${this.label}</span>
      </button>
      ${this.renderMessages()}
    </div>`
  }
}

defineElement('cg-toggle', CgToggle)

declare global {
  interface HTMLElementTagNameMap {
    'cg-toggle': CgToggle
  }
}
