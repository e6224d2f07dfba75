/**
 * @module What stands where data will be: skeletons while it loads (the status kept for screen readers), the empty
 * state's layout, and the spinner of a button whose request is in flight (`aria-busy="true"`; still when the member
 * prefers reduced motion).
 */
import { msg } from '@lit/localize'
import { css, html } from 'lit'
import { visuallyHidden } from '../styles/theme.ts'

/**
 * The skeleton's shapes, the empty state, the busy button, and `.visually-hidden` (read by screen readers, not
 * shown: a skeleton's "Loading…", an ordered list's moves); for any shadow root that draws them (the shell too).
 */
export const placeholderStyles = css`
  .skeleton { display: grid; gap: calc(var(--_space) * 2); max-width: var(--cg-form-width, 576px); }
  .skeleton.rows { gap: var(--_space); max-width: none; }
  .bone {
    display: block; block-size: 36px; border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface) 30%, var(--_border) 50%, var(--_surface) 70%) 0 0 / 300% 100%;
    animation: cg-shimmer 1.6s linear infinite;
  }
  .bone.short { inline-size: 9em; block-size: 1em; margin-block-end: 6px; }
  @keyframes cg-shimmer { from { background-position: 100% 0; } }
  .visually-hidden { ${visuallyHidden} }
  .empty-state { display: grid; justify-items: center; gap: var(--_space); padding: 32px 8px; text-align: center; }
  .empty-state p { margin: 0; }
  .empty-state svg { color: var(--_muted); }
  [aria-busy='true'] { cursor: progress; }
  button[aria-busy='true']::after {
    content: ''; display: inline-block; inline-size: 0.8em; block-size: 0.8em; margin-inline-start: 0.5em;
    border: 2px solid; border-inline-end-color: transparent; border-radius: 50%; vertical-align: -0.1em;
    animation: cg-spin 0.8s linear infinite;
  }
  @keyframes cg-spin { to { transform: rotate(1turn); } }
  @media (prefers-reduced-motion: reduce) { .bone, button[aria-busy='true']::after { animation: none; } }
`

/**
 * `count` grey shapes where the data will be, in a region marked busy that says "Loading…" to screen readers only:
 * `fields` (a label over a control, one per field of the form) or `rows` (a list's rows).
 */
export function skeleton(count: number, shape: 'fields' | 'rows' = 'fields') {
  const bone =
    shape === 'rows'
      ? html`<i class="bone"></i>`
      : html`<div><i class="bone short"></i><i class="bone"></i></div>`
  return html`<div class="skeleton ${shape}" aria-busy="true">
    <span class="visually-hidden" role="status">${msg('Loading…', { id: 'shell.loading' })}</span>
    ${Array.from({ length: count }, () => bone)}
  </div>`
}
