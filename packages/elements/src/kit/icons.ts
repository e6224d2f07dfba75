/**
 * @module The kit's icons: a few strokes each, as lit `svg` templates, drawn by `icon()`. Import the ones you draw
 * (a list's empty state takes one), so a bundle carries only those: each is a function, which a bundler drops
 * when nothing imports it (a tagged template it would keep).
 */
import { html, type SVGTemplateResult, svg } from 'lit'

/** An icon: its shapes in a 24-unit box. */
export type Icon = () => SVGTemplateResult

/** `shape` stroked in the text's color, hidden from screen readers: the words beside it say what it means. */
export const icon = (shape: Icon) =>
  html`<svg
    viewBox="0 0 24 24"
    width="40"
    height="40"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >${shape()}</svg>`

/** An empty tray: the default of a list with no rows yet. */
export const inboxIcon = () => svg`<path d="M3 13h5l1.5 3h5l1.5-3h5M5.5 5h13L21 13v6H3v-6z"/>`
/** API keys. */
export const keyIcon = () => svg`<circle cx="8" cy="15" r="4"/><path d="m11 12 9-9m-4 4 3 3m-6 0 2 2"/>`
