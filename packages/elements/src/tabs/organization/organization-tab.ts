/** @module The Organization tab (spec Use Case 1): name, slug, timezone and currency; read-only below admin. */
import { type Organization, OrganizationUpdate } from '@connectgain/contracts/organizations'
import { msg } from '@lit/localize'
import { defineElement } from '../../define.ts'
import { getLocale } from '../../i18n/localization.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FormTab } from '../../kit/form-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { currencyOptions, timeZoneOptions } from './zones.ts'

/**
 * @tag cg-organization-tab
 * @fires cg-saved - The organization was saved; `detail.value` is the row the server returned.
 */
export class CgOrganizationTab extends FormTab<Organization> {
  protected readonly tab = 'organization'
  protected readonly resource = new ResourceController<Organization>(this, {
    name: 'organizations',
    shape: 'org',
    columns: ['id', 'name', 'slug', 'timezone', 'currency'],
    schemas: { update: OrganizationUpdate },
  })

  protected savedText(): string {
    return msg('Organization settings saved.', { id: 'org.saved' })
  }

  protected fields(): FieldSpec[] {
    return [
      {
        kind: 'text',
        name: 'name',
        label: msg('Organization name', { id: 'org.name' }),
        required: true,
        maxlength: 100,
      },
      {
        kind: 'text',
        name: 'slug',
        label: msg('Slug', { id: 'org.slug' }),
        help: msg('Lowercase letters and digits joined by hyphens, e.g. my-company.', {
          id: 'org.slug-help',
        }),
        required: true,
        maxlength: 48,
        messages: { unique: () => msg('Already in use by another organization', { id: 'org.err.taken' }) },
      },
      {
        kind: 'select',
        name: 'timezone',
        label: msg('Timezone', { id: 'org.timezone' }),
        help: msg('Used for scheduling.', { id: 'org.timezone-help' }),
        options: timeZoneOptions(),
      },
      {
        kind: 'select',
        name: 'currency',
        label: msg('Currency', { id: 'org.currency' }),
        help: msg('Default currency for deals.', { id: 'org.currency-help' }),
        options: currencyOptions(getLocale()),
      },
    ]
  }
}

defineElement('cg-organization-tab', CgOrganizationTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-organization-tab': CgOrganizationTab
  }
}
