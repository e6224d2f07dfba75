/** @module tasks: to-dos for a member, perhaps about a contact; assignees of the org only. */
import { Task, TaskInsert, TaskUpdate } from '@connectgain/contracts'
import { tasks } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { emitEvents, everyWrite } from '../webhooks/outbox.ts'
import { memberAssignee } from './assignee.ts'

export const tasksResource = defineResource({
  name: 'tasks',
  description:
    "Tasks: a title, when it is due, whether it is done, the member who does it (`assignee_id`, a user id of this organization's members) and the contact it is about.",
  table: tasks,
  row: Task,
  insert: TaskInsert,
  update: TaskUpdate,
  deletable: true,
  domainData: true,
  references: { contact_id: 'contacts' },
  beforeWrite: memberAssignee,
  idPrefix: 'tsk',
  onWrite: [emitEvents(everyWrite('task.created', 'task.updated', 'task.deleted'))],
  sample: (n) => ({ title: `Task ${n}` }),
})
