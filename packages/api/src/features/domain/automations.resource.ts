/** @module automations: on an event, when its conditions hold, run its actions; stored as the engine will read them. */
import { Automation, AutomationInsert, AutomationUpdate } from '@connectgain/contracts'
import { automations } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { emitEvents, everyWrite } from '../webhooks/outbox.ts'

export const automationsResource = defineResource({
  name: 'automations',
  description:
    'Automations: the event that triggers one, its conditions and actions (JSON arrays of objects), and whether it is active.',
  table: automations,
  row: Automation,
  insert: AutomationInsert,
  update: AutomationUpdate,
  deletable: true,
  domainData: true,
  idPrefix: 'aut',
  onWrite: [emitEvents(everyWrite('automation.created', 'automation.updated', 'automation.deleted'))],
  sample: (n) => ({ name: `Automation ${n}`, event: 'conversation.created' }),
})
