/** @module Tasks: something a member has to do, perhaps about a contact, perhaps by a date (domain data). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const Task = meta(
  z.object({
    id: z.string(),
    title: z.string(),
    due_at: z.nullable(z.string()),
    done: z.boolean(),
    assignee_id: meta(z.nullable(z.string()), { description: 'The member (user id) who does it.' }),
    contact_id: z.nullable(z.string()),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Task' },
)
export type Task = z.infer<typeof Task>

export const TaskInsert = meta(
  z.strictObject({
    title: oneLineName(200),
    due_at: z.optional(z.nullable(z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 time' }))),
    done: z._default(z.boolean(), false),
    assignee_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
    contact_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  }),
  { id: 'TaskInsert', examples: [{ title: 'Call Ana back', due_at: '2026-12-01T09:00:00Z' }] },
)
export type TaskInsert = z.input<typeof TaskInsert>

export const TaskUpdate = meta(patchOf(TaskInsert), { id: 'TaskUpdate' })
