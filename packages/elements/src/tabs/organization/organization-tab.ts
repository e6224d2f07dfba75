/** @module The Organization tab (spec Use Case 1): name, slug, timezone and currency; read-only below admin. */

import { OrganizationUpdate } from '@connectgain/contracts/organizations'
import { can } from '@connectgain/contracts/permissions'
import { consume } from '@lit/context'
import { localized, msg } from '@lit/localize'
import { html, LitElement, nothing } from 'lit'
import { query, state } from 'lit/decorators.js'
import type { ApiClient } from '../../api/client.ts'
import { apiContext, sessionContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import { emit } from '../../events.ts'
import { FormController } from '../../form/form-controller.ts'
import { getLocale } from '../../i18n/localization.ts'
import '../../form/index.ts'
import type { CgToastRegion, SelectOption } from '../../form/index.ts'
import type { Session } from '../../session.ts'
import { localizeError } from './errors.ts'
import { styles } from './organization-tab.styles.ts'
import { currencyOptions, timeZoneOptions } from './zones.ts'

const COLUMNS = 'id,name,slug,timezone,currency'

type Organization = { id: string; name: string; slug: string; timezone: string; currency: string }

/**
 * @tag cg-organization-tab
 * @fires cg-saved - The organization was saved; `detail.value` is the row the server returned.
 */
@localized()
export class CgOrganizationTab extends LitElement {
  static override styles = styles

  @consume({ context: apiContext, subscribe: true }) @state() api?: ApiClient
  @consume({ context: sessionContext, subscribe: true }) @state() session: Session | null = null

  @state() private status: 'loading' | 'ready' | 'failed' = 'loading'
  @state() private loadError = ''
  @query('cg-toast-region') private toasts?: CgToastRegion

  private readonly form = new FormController(this, OrganizationUpdate)
  private zones: SelectOption[] = []
  private loadedFor = ''

  /** True while the form has changes that are not saved (the shell asks before leaving). */
  get hasUnsavedChanges(): boolean {
    return this.form.dirty
  }

  private get canEdit(): boolean {
    return this.session ? can(this.session.role, 'write', 'organizations') : false
  }

  protected override willUpdate(): void {
    const key = this.session && this.api ? `${this.session.orgId}` : ''
    if (key && key !== this.loadedFor) {
      this.loadedFor = key
      void this.load()
    }
  }

  private async load(): Promise<void> {
    if (!this.api || !this.session) return
    this.status = 'loading'
    try {
      const org = await this.api.request<Organization>(
        `/rest/v1/organizations?id=eq.${encodeURIComponent(this.session.orgId)}&select=${COLUMNS}`,
        { single: true },
      )
      if (this.zones.length === 0) this.zones = timeZoneOptions()
      this.form.reset(org)
      this.status = 'ready'
    } catch (err) {
      this.loadError = (err as Error).message
      this.status = 'failed'
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault()
    if (!this.api || !this.session || !this.form.dirty || this.form.saving) return
    const { api, session } = this
    try {
      const saved = await this.form.submit((changes) =>
        api.request<Organization>(
          `/rest/v1/organizations?id=eq.${encodeURIComponent(session.orgId)}&select=${COLUMNS}`,
          {
            method: 'PATCH',
            body: changes,
            single: true,
            returnRepresentation: true,
          },
        ),
      )
      if (!saved) {
        this.focusFirstError()
        return
      }
      this.toasts?.show(msg('Organization settings saved.', { id: 'org.saved' }), 'success')
      emit(this, 'cg-saved', { tab: 'organization', resource: 'organizations', value: saved })
    } catch (err) {
      this.toasts?.show((err as Error).message, 'error')
      this.focusFirstError()
    }
  }

  private focusFirstError(): void {
    void this.updateComplete.then(() => {
      const field = Object.keys(this.form.errors).find((k) => this.form.errors[k])
      if (field) this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus()
    })
  }

  override render() {
    if (this.status === 'loading') {
      return html`<p role="status" class="muted">${msg('Loading organization…', { id: 'org.loading' })}</p>`
    }
    if (this.status === 'failed') {
      return html`<div role="alert" class="failed">
        <p>${msg('Could not load the organization.', { id: 'org.load-failed' })} ${this.loadError}</p>
        <button type="button" @click=${() => this.load()}>${msg('Try again', { id: 'org.retry' })}</button>
      </div>`
    }
    const { values, errors, saving, dirty } = this.form
    const readonly = !this.canEdit
    const field = (name: string) => ({
      value: String(values[name] ?? ''),
      error: errors[name] ? localizeError(errors[name]) : '',
    })
    return html`<form novalidate @submit=${this.save} @cg-field-change=${this.form.onFieldChange}>
        ${
          readonly
            ? html`<p class="note">${msg('Only owners and admins can change these settings.', { id: 'org.readonly' })}</p>`
            : nothing
        }
        <cg-text-field
          name="name"
          label=${msg('Organization name', { id: 'org.name' })}
          .value=${field('name').value}
          .error=${field('name').error}
          ?readonly=${readonly}
          required
          maxlength="100"
        ></cg-text-field>
        <cg-text-field
          name="slug"
          label=${msg('Slug', { id: 'org.slug' })}
          help=${msg('Lowercase letters and digits joined by hyphens, e.g. my-company.', { id: 'org.slug-help' })}
          .value=${field('slug').value}
          .error=${field('slug').error}
          ?readonly=${readonly}
          required
          maxlength="48"
        ></cg-text-field>
        <cg-select
          name="timezone"
          label=${msg('Timezone', { id: 'org.timezone' })}
          help=${msg('Used for scheduling.', { id: 'org.timezone-help' })}
          .options=${this.zones}
          .noMatchesLabel=${msg('No matches', { id: 'form.no-matches' })}
          .value=${field('timezone').value}
          .error=${field('timezone').error}
          ?readonly=${readonly}
        ></cg-select>
        <cg-select
          name="currency"
          label=${msg('Currency', { id: 'org.currency' })}
          help=${msg('Default currency for deals.', { id: 'org.currency-help' })}
          .options=${currencyOptions(getLocale())}
          .noMatchesLabel=${msg('No matches', { id: 'form.no-matches' })}
          .value=${field('currency').value}
          .error=${field('currency').error}
          ?readonly=${readonly}
        ></cg-select>
        ${
          readonly
            ? nothing
            : html`<div class="actions">
              <button type="submit" class="primary" ?disabled=${!dirty || saving}>
                ${saving ? msg('Saving…', { id: 'org.saving' }) : msg('Save Changes', { id: 'org.save' })}
              </button>
              <span class="muted" role="status">
                ${dirty ? msg('Unsaved changes', { id: 'org.dirty' }) : nothing}
              </span>
            </div>`
        }
      </form>
      <cg-toast-region .dismissLabel=${msg('Dismiss', { id: 'form.dismiss' })}></cg-toast-region>`
  }
}

defineElement('cg-organization-tab', CgOrganizationTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-organization-tab': CgOrganizationTab
  }
}
