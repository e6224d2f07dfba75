/** @module Tests of `renderField`'s `custom` kind: a control the tab draws, given the value and its issue in words. */
import { expect, html } from '@open-wc/testing'
import { render } from 'lit'
import { hostPage } from '../../test/tabs.ts'
import { type FieldSpec, renderField } from './fields.ts'

describe('renderField', () => {
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
    const page = await hostPage(html`<form aria-label="Webhook"></form>`)
    const form = page.querySelector('form')!
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
