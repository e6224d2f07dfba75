/**
 * @module The element baseline: a bare Lit element that fetches the organization and renders the same form
 * as the Organization tab (four labelled fields, the full timezone and currency lists, a save button), with
 * no shell, no router, no contracts, no lazy chunks. `<cg-settings>` is timed as a ratio to it.
 */
import { css, html, LitElement } from 'lit'

interface Org {
  name: string
  slug: string
  timezone: string
  currency: string
}

const zones = Intl.supportedValuesOf('timeZone')
const currencies = Intl.supportedValuesOf('currency')

class BareOrgForm extends LitElement {
  static override properties = { org: { state: true } }
  static override styles = css`
    label { display: block; margin: 0.5rem 0 0.25rem; }
    input, select { font: inherit; padding: 0.4rem; width: 20rem; }
  `
  declare org: Org | null

  constructor() {
    super()
    this.org = null
  }

  override connectedCallback(): void {
    super.connectedCallback()
    performance.mark('bare:connected')
    const api = this.getAttribute('api-url') ?? ''
    const id = this.getAttribute('org-id') ?? ''
    void fetch(`${api}/rest/v1/organizations?id=eq.${id}`, {
      headers: { Authorization: `Bearer ${this.getAttribute('token')}` },
    })
      .then((res) => res.json() as Promise<Org[]>)
      .then(async ([org]) => {
        this.org = org ?? null
        await this.updateComplete
        performance.mark('bare:tab-ready')
      })
  }

  override render() {
    const org = this.org
    if (!org) return html`<p role="status">Loading…</p>`
    return html`<form>
      <label for="name">Organization name</label><input id="name" name="name" .value=${org.name} required />
      <label for="slug">Slug</label><input id="slug" name="slug" .value=${org.slug} required />
      <label for="tz">Timezone</label>
      <select id="tz" name="timezone">${zones.map((z) => html`<option ?selected=${z === org.timezone}>${z}</option>`)}</select>
      <label for="cur">Currency</label>
      <select id="cur" name="currency">${currencies.map((c) => html`<option ?selected=${c === org.currency}>${c}</option>`)}</select>
      <button type="submit">Save</button>
    </form>`
  }
}

customElements.get('bare-org-form') ?? customElements.define('bare-org-form', BareOrgForm)
