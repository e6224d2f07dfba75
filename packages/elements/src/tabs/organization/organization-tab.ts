/** @module The Organization tab (spec Use Case 1): name, slug, timezone and currency; read-only below admin. */
import { type Organization, OrganizationUpdate } from '@connectgain/contracts/organizations'
import { msg } from '@lit/localize'
import { defineElement } from '../../define.ts'
import { getLocale } from '../../i18n/localization.ts'
import { fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FormTab } from '../../kit/form-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { firstRequests } from '../first-requests.ts'
import { currencyOptions, timeZoneOptions } from './zones.ts'

/**
 * @tag cg-organization-tab
 * @fires cg-saved - The organization was saved; `detail.value` is the row the server returned.
 */
export class CgOrganizationTab extends FormTab<Organization> {
  protected readonly tab = 'organization'
  protected readonly resource = new ResourceController<Organization>(this, {
    ...firstRequests.organization,
    schemas: { update: OrganizationUpdate },
  })

  protected savedText(): string {
    return msg('Organization settings saved.', { id: 'org.saved' })
  }

  protected fields(): FieldSpec[] {
    // Name and slug may be left out of a PATCH, but never emptied: the form requires them.
    return fieldsOf(OrganizationUpdate, ['name', 'slug', 'timezone', 'currency'], {
      name: { required: true },
      slug: {
        required: true,
        messages: { unique: () => msg('Already in use by another organization', { id: 'org.err.taken' }) },
      },
      // Text typed that names no option: the contract's words for a value it does not know.
      timezone: {
        options: timeZoneOptions(),
        messages: {
          invalid_value: () => msg('Choose a time zone from the list', { id: 'kit.rule.timezone' }),
        },
      },
      currency: {
        options: currencyOptions(getLocale()),
        messages: {
          invalid_value: () => msg('Choose a currency from the list', { id: 'kit.rule.currency' }),
        },
      },
    })
  }
}

defineElement('cg-organization-tab', CgOrganizationTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-organization-tab': CgOrganizationTab
  }
}
