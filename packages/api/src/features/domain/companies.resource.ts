/** @module companies: the organizations contacts and deals belong to; every member reads, agents and admins write. */
import { Company, CompanyInsert, CompanyUpdate } from '@connectgain/contracts'
import { companies } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { emitEvents, everyWrite } from '../webhooks/outbox.ts'

export const companiesResource = defineResource({
  name: 'companies',
  singular: 'company',
  description:
    'The companies contacts and deals belong to: a name, its web domain and its industry when known.',
  table: companies,
  row: Company,
  insert: CompanyInsert,
  update: CompanyUpdate,
  deletable: true,
  domainData: true,
  idPrefix: 'cmp',
  onWrite: [emitEvents(everyWrite('company.created', 'company.updated', 'company.deleted'))],
  sample: (n) => ({ name: `Company ${n}`, domain: `company-${n.toLowerCase()}.example` }),
})
