/**
 * @module `POST /functions/v1/delete-lifecycle-stage {"id", "move_to_id"}`: moves the stage's contacts to another
 * stage and deletes it, in one batch. Every moved contact is a write like any other (audited, `contact.updated`).
 */
import { DeleteLifecycleStageRequest, DeleteLifecycleStageResponse } from '@connectgain/contracts'
import { contacts, lifecycleStages } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { ApiError } from '../../errors.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction } from '../../functions/registry.ts'
import { commitBatch } from '../../rest/commit.ts'
import type { Row, WriteContext, WriteEvent } from '../../rest/registry.ts'

const stage = { noun: 'lifecycle stage', list: 'GET /rest/v1/lifecycle_stages' }

export const deleteLifecycleStageFunction = defineFunction({
  name: 'delete-lifecycle-stage',
  summary:
    'Delete a lifecycle stage and move its contacts to another stage (`move_to_id`) in one step. The default stage cannot be deleted: make another stage the default first. Owners and admins only.',
  auth: 'member',
  permission: 'delete-lifecycle-stage',
  changesData: true,
  input: DeleteLifecycleStageRequest,
  output: DeleteLifecycleStageResponse,
  async handler({ id, move_to_id }, { deps, registry, caller, background }) {
    const { db, clock, config } = deps
    if (id === move_to_id) {
      throw new ApiError('22P02', 'Invalid move_to_id: it is the stage being deleted', {
        details: [{ field: 'move_to_id', message: 'Choose another stage', issue: 'custom' }],
      })
    }
    const doomed = await orgRow(db, lifecycleStages, caller.orgId, id, stage)
    const target = await orgRow(db, lifecycleStages, caller.orgId, move_to_id, stage).catch((err) => {
      throw err instanceof ApiError
        ? new ApiError('CG404', `No lifecycle stage with id '${move_to_id}' in this organization`, {
            details: [{ field: 'move_to_id', message: 'Not a lifecycle stage of this organization' }],
            hint: stage.list,
          })
        : err
    })
    if (doomed.is_default) {
      throw new ApiError('CG409', 'The default lifecycle stage cannot be deleted', {
        details: [{ field: 'id', message: 'This is the default stage', issue: 'custom' }],
        hint: 'Make another stage the default first (PATCH is_default)',
      })
    }
    const resource = registry.get('lifecycle_stages')
    const contactsResource = registry.get('contacts')
    if (!resource || !contactsResource) throw new Error('lifecycle_stages and contacts must be registered')
    const ctx: WriteContext = { db, caller, now: clock.now().toISOString(), config }
    const inStage = and(eq(contacts.org_id, caller.orgId), eq(contacts.lifecycle_stage_id, id))
    const moved = (await db.select().from(contacts).where(inStage)) as Row[]
    const set = { lifecycle_stage_id: target.id, updated_at: ctx.now }
    const events: WriteEvent[] = [
      ...moved.map(
        (row): WriteEvent => ({
          op: 'update',
          resource: contactsResource,
          before: row,
          after: { ...row, ...set },
          caller,
        }),
      ),
      { op: 'delete', resource, before: doomed as Row, after: null, caller },
    ]
    await commitBatch(
      resource,
      ctx,
      {
        writes: [
          db.update(contacts).set(set).where(inStage),
          db
            .delete(lifecycleStages)
            .where(and(eq(lifecycleStages.org_id, caller.orgId), eq(lifecycleStages.id, id))),
        ],
        events,
        added: { before: [], after: [], changes: [] },
      },
      { registry, onOutbox: () => deps.outbox && background(deps.outbox.kick()) },
    )
    return { id, move_to_id, contacts_moved: moved.length }
  },
})
