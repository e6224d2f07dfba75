/** @module `<cg-ratio-bar>`: a tiny horizontal bar of a share (a webhook's successful deliveries), named in words. */
import { css, html, LitElement, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { defineElement } from '../define.ts'
import { tokens } from '../styles/theme.ts'

/** `value` as a share between 0 and 1 (NaN and the like as 0). */
export const clampRatio = (value: number): number =>
  Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0

/**
 * A picture, so it is one `role="img"` named by `label` (e.g. "92% of 25 deliveries succeeded in the last
 * 24 hours"): the words carry the number, the bar only repeats it. Without a label it is hidden from
 * assistive tech.
 *
 * @tag cg-ratio-bar
 * @csspart track - The whole bar.
 * @csspart fill - The share.
 * @cssprop [--cg-ratio-bar-width=72px] - Width.
 * @cssprop [--cg-ratio-bar-height=8px] - Height.
 * @cssprop [--cg-ratio-bar-color=var(--cg-color-success)] - The share.
 * @cssprop [--cg-ratio-bar-rest-color=var(--cg-color-danger)] - The rest of the bar.
 */
export class CgRatioBar extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        width: var(--cg-ratio-bar-width, 72px);
        height: var(--cg-ratio-bar-height, 8px);
        vertical-align: middle;
      }
      .track {
        display: flex;
        width: 100%;
        height: 100%;
        overflow: hidden;
        border-radius: 999px;
        background: var(--cg-ratio-bar-rest-color, var(--_danger));
      }
      .fill {
        height: 100%;
        background: var(--cg-ratio-bar-color, var(--_success));
      }
    `,
  ]

  /** The share shown, from 0 to 1. */
  @property({ type: Number }) value = 0
  /** What the bar shows, in words: its accessible name. */
  @property() label = ''

  override render() {
    const percent = Math.round(clampRatio(this.value) * 1000) / 10
    return html`<div
      class="track"
      part="track"
      role=${this.label ? 'img' : nothing}
      aria-label=${this.label || nothing}
      aria-hidden=${this.label ? nothing : 'true'}
    >
      <div class="fill" part="fill" style="width: ${percent}%"></div>
    </div>`
  }
}

defineElement('cg-ratio-bar', CgRatioBar)

declare global {
  interface HTMLElementTagNameMap {
    'cg-ratio-bar': CgRatioBar
  }
}
