/** @module `<cg-sparkline>`: a tiny inline line chart of a few values (a key's daily requests), named in words. */
import { css, html, LitElement, nothing, svg } from 'lit'
import { property } from 'lit/decorators.js'
import { defineElement } from '../define.ts'
import { tokens } from '../styles/theme.ts'

/** The drawing's own units; the SVG stretches to the element's size. */
const WIDTH = 100
const HEIGHT = 24
/** Room for the stroke at the top and the bottom. */
const PAD = 2

/** The `points` of a polyline through `values`, left to right, the largest at the top, zero at the bottom. */
export function sparkPoints(values: readonly number[]): string {
  const max = Math.max(0, ...values)
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0
  const y = (v: number) =>
    max > 0 ? HEIGHT - PAD - (Math.max(0, v) / max) * (HEIGHT - 2 * PAD) : HEIGHT - PAD
  const round = (n: number) => Math.round(n * 100) / 100
  return values.map((v, i) => `${round(i * step)},${round(y(v))}`).join(' ')
}

/**
 * A picture, so it is one `role="img"` named by `label` (e.g. "142 requests in the last 30 days"): the words
 * say what the line shows, not its color. Without a label it is decoration and hidden from assistive tech.
 *
 * @tag cg-sparkline
 * @csspart svg - The `<svg>`.
 * @cssprop [--cg-sparkline-width=96px] - Width.
 * @cssprop [--cg-sparkline-height=24px] - Height.
 * @cssprop [--cg-sparkline-color=var(--cg-color-primary)] - The line, and (faintly) the area under it.
 */
export class CgSparkline extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        width: var(--cg-sparkline-width, 96px);
        height: var(--cg-sparkline-height, 24px);
        color: var(--cg-sparkline-color, var(--_primary));
        vertical-align: middle;
      }
      svg {
        display: block;
        width: 100%;
        height: 100%;
        overflow: visible;
      }
      .line {
        fill: none;
        stroke: currentColor;
        stroke-width: 1.5;
        stroke-linejoin: round;
        stroke-linecap: round;
      }
      .area {
        fill: currentColor;
        opacity: 0.12;
        stroke: none;
      }
    `,
  ]

  /** The values, oldest first. */
  @property({ attribute: false }) values: readonly number[] = []
  /** What the chart shows, in words: its accessible name. */
  @property() label = ''

  override render() {
    const points = sparkPoints(this.values)
    const area = points && `0,${HEIGHT} ${points} ${WIDTH},${HEIGHT}`
    return html`<svg
      part="svg"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      preserveAspectRatio="none"
      role=${this.label ? 'img' : nothing}
      aria-label=${this.label || nothing}
      aria-hidden=${this.label ? nothing : 'true'}
      focusable="false"
    >
      ${
        points
          ? svg`<polygon class="area" points=${area}></polygon>
            <polyline class="line" points=${points} vector-effect="non-scaling-stroke"></polyline>`
          : nothing
      }
    </svg>`
  }
}

defineElement('cg-sparkline', CgSparkline)

declare global {
  interface HTMLElementTagNameMap {
    'cg-sparkline': CgSparkline
  }
}
