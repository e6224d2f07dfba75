/**
 * @module Tests of `renderField`: each kind's control is loaded the first time a field of that kind is drawn (this
 * file's page has drawn none before), `controlsReady` defines them ahead of a form, and a `custom` field is the tab's.
 */
import { expect, html } from '@open-wc/testing'
import { render } from 'lit'
import { until } from '../../test/session.ts'
import { hostPage } from '../../test/tabs.ts'
import { controlsReady, type FieldSpec, renderField } from './fields.ts'

const noIssues = { errors: {} }
/** A boolean, not the class: chai would print a whole LitElement class in a failure. */
const defined = (tag: string) => customElements.get(tag) !== undefined

async function emptyForm(label: string): Promise<HTMLFormElement> {
  const page = await hostPage(html`<form aria-label=${label}></form>`)
  return page.querySelector('form')!
}

describe('renderField', () => {
  it("loads a kind's control when a field of that kind is first drawn, and no control it does not draw", async () => {
    // The kit imports no control up front: opening a tab costs none of them.
    for (const tag of ['cg-color-field', 'cg-text-field', 'cg-datetime']) {
      expect(defined(tag), `${tag} before any field is drawn`).to.equal(false)
    }
    const form = await emptyForm('Tag')
    const color: FieldSpec = { kind: 'color', name: 'color', label: 'Color' }
    render(renderField(color, { values: { color: '#2456d3' }, ...noIssues }, false), form)

    const control = form.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('cg-color-field')!
    await until(() => defined('cg-color-field'), 'the color field defined')
    await control.updateComplete
    const input = control.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!
    expect(input.value, 'the value set before it was defined shows once it is').to.equal('#2456d3')
    expect(control.shadowRoot!.querySelector('label')!.textContent).to.equal('Color')
    expect(defined('cg-text-field'), 'a kind the form does not draw').to.equal(false)
    expect(defined('cg-datetime')).to.equal(false)
    await expect(form).to.be.accessible()
  })

  it('controlsReady resolves once the controls of the fields are defined, so a form drawn after it is whole at once', async () => {
    expect(defined('cg-radio-group')).to.equal(false)
    const fields: FieldSpec[] = [
      {
        kind: 'radio',
        name: 'scope',
        label: 'Scope',
        options: [
          { value: 'full', label: 'Full access' },
          { value: 'read', label: 'Read only' },
        ],
      },
      { kind: 'custom', name: 'events', label: 'Events', render: () => html`<p>Every event</p>` },
    ]
    await controlsReady(fields)
    expect(defined('cg-radio-group')).to.equal(true)

    const form = await emptyForm('Key')
    render(
      fields.map((field) => renderField(field, { values: { scope: 'read' }, ...noIssues }, false)),
      form,
    )
    const group = form.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('cg-radio-group')!
    expect(group.shadowRoot, 'upgraded as it is drawn').not.to.equal(null)
    await group.updateComplete
    const read = group.shadowRoot!.querySelector<HTMLInputElement>('input[data-value="read"]')!
    expect(read.checked).to.equal(true)
    expect(form.textContent).to.contain('Every event')
    await controlsReady(fields) // asked again: nothing more to load
    await expect(form).to.be.accessible()
  })

  it('hands a `custom` field its value, its issue in the UI language (own wording first) and read-only', async () => {
    const seen: unknown[] = []
    const field: FieldSpec = {
      kind: 'custom',
      name: 'events',
      label: 'Events',
      messages: { too_small: () => 'Choose at least one event' },
      render: (value, error, readonly) => {
        seen.push([value, error, readonly])
        return html`<p>${error}</p>`
      },
    }
    const form = await emptyForm('Webhook')
    const errors = {
      events: { field: 'events', message: 'Too small', issue: 'too_small', params: { minimum: 1 } },
    }
    render(renderField(field, { values: { events: [] }, errors }, true), form)
    expect(seen).to.deep.equal([[[], 'Choose at least one event', true]])
    expect(form.textContent).to.contain('Choose at least one event')
    render(renderField(field, { values: { events: ['*'] }, errors: {} }, false), form)
    expect(seen[1]).to.deep.equal([['*'], '', false])
  })
})
