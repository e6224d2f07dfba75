/** @module checkAction: a row's connection test at its provider (a channel, an email box), as a row action. */
import { msg } from '@lit/localize'
import type { FunctionController } from './function-controller.ts'
import type { RowAction } from './row-actions.ts'

/**
 * Test connection on each row: `checker` called with the row's id, what it found in a toast (an error's when the
 * check failed), and the list reloaded (a row shows its last check).
 */
export function checkAction<Row extends { id: string }, Result>(
  checker: FunctionController<Result>,
  name: (row: Row) => string,
  found: (result: Result) => { ok: boolean; message: string },
): RowAction<Row> {
  return {
    id: 'test',
    label: msg('Test connection', { id: 'kit.test-connection' }),
    name,
    run: async (row) => {
      const result = await checker.call({ id: row.id })
      if (!result.ok) return result
      const { ok, message } = found(result.value)
      return { ok: true, toast: message, failed: !ok }
    },
  }
}
