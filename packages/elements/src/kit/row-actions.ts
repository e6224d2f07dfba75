/** @module Row actions: what a list tab offers on a row besides Edit and Delete (Roll, Revoke, Test…), and what follows. */
import type { CallFailure } from './function-controller.ts'

/** The question asked before an action: a `cg-dialog` of the `confirm` variant. */
export interface Confirmation {
  heading: string
  /** One or two sentences: what happens, and what it means for the member. */
  body: string
  /** The confirm button's text, e.g. "Revoke key". */
  confirmLabel: string
  /** Destructive: a red confirm button, and Cancel has the focus when it opens. */
  danger?: boolean
  /** A choice to make before confirming (where a deleted stage's contacts go): radio buttons, the first chosen. */
  choice?: { label: string; options: { value: string; label: string }[] }
}

/** A secret to show once (a new API key, a signing secret), in the kit's `cg-secret-once` dialog. */
export interface SecretToShow {
  /** The dialog's heading, e.g. "Copy your new API key". */
  heading: string
  /** The secret field's label, e.g. "API key". */
  label: string
  value: string
  /** It can be shown again later (a webhook secret the member revealed): no "I have stored it" before Done. */
  again?: boolean
}

/**
 * What an action (or a create by function) did. On success the kit reloads the list, fires `cg-saved` with
 * `saved` (when given), shows `toast`, then `secret` once; on failure it says why in a toast.
 */
export type ActionOutcome =
  | {
      ok: true
      /** Said in a toast; an error's when `failed` (the call went through, and found a problem: a check). */
      toast?: string
      failed?: boolean
      saved?: Record<string, unknown>
      secret?: SecretToShow
    }
  | CallFailure

/**
 * One button on each row (on the rows `when` accepts), after Edit and before Delete. A row with more than two buttons
 * shows its first and a More menu of the others (row-menu.ts).
 */
export interface RowAction<Row> {
  /** The button's `data-action`, e.g. `revoke`. */
  id: string
  /** The button's text, e.g. "Revoke". */
  label: string
  /** The button's accessible name on `row`, e.g. "Revoke key CRM sync". */
  name: (row: Row) => string
  /** Whether `row` offers the action (every row when absent). */
  when?: (row: Row) => boolean
  /** Asked first; the action runs only if the member confirms. */
  confirm?: (row: Row) => Confirmation
  run: (row: Row) => Promise<ActionOutcome>
}
