/**
 * @module lifecycle_stages: the ordered stages a contact moves through, HubSpot's eight by default. Exactly one is
 * the default (new contacts get it); a stage that contacts are in is deleted only with somewhere for them to go.
 */
import {
  defaultLifecycleStages,
  LifecycleStage,
  LifecycleStageInsert,
  LifecycleStageUpdate,
} from '@connectgain/contracts'
import { contacts, lifecycleStages } from '@connectgain/db'
import { and, count, eq, inArray } from 'drizzle-orm'
import { ApiError } from '../../errors.ts'
import { defineResource, type RequestHook } from '../../rest/registry.ts'

/** Refuses to delete a stage that contacts are in (409 naming how many), before anything is written. */
const refuseDeleteInUse: RequestHook = async (events, { db, caller }) => {
  const ids = events.filter((e) => e.op === 'delete').map((e) => String(e.before?.id))
  if (ids.length === 0) return undefined
  const [used] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.org_id, caller.orgId), inArray(contacts.lifecycle_stage_id, ids)))
  const n = used?.n ?? 0
  if (n === 0) return undefined
  const noun = n === 1 ? 'contact is' : 'contacts are'
  throw new ApiError('CG409', `${n} ${noun} in ${ids.length === 1 ? 'this stage' : 'these stages'}`, {
    details: [{ field: 'id', message: `${n} ${noun} in it`, issue: 'in_use', params: { count: n } }],
    hint: 'Move them to another stage and delete it in one step: POST /functions/v1/delete-lifecycle-stage {"id", "move_to_id"}',
  })
}

export const lifecycleStagesResource = defineResource({
  name: 'lifecycle_stages',
  description:
    'The stages a contact moves through, in order (`position`; reorder them all with `POST /functions/v1/reorder`). Exactly one is the default, which new contacts get: setting `is_default` on one stage clears it on the other. A stage that contacts are in is deleted with `POST /functions/v1/delete-lifecycle-stage`, which moves them.',
  table: lifecycleStages,
  row: LifecycleStage,
  insert: LifecycleStageInsert,
  update: LifecycleStageUpdate,
  deletable: true,
  idPrefix: 'lcs',
  ordered: true,
  oneDefault: 'is_default',
  orgDefaults: defaultLifecycleStages.map((stage, i) => ({ ...stage, is_default: i === 0 })),
  hooks: [refuseDeleteInUse],
  sample: (n) => ({ name: `Stage ${n}`, color: '#2456d3' }),
})
