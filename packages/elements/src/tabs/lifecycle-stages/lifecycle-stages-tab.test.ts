import { defaultLifecycleStages, type LifecycleStage } from '@connectgain/contracts/lifecycle-stages'
import { expect } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { until } from '../../../test/session.ts'
import { focused, listOf, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgLifecycleStagesTab } from './lifecycle-stages-tab.ts'

type Field = HTMLElement & { value: unknown; label: string; help: string }
const names = defaultLifecycleStages.map((s) => s.name)

async function open(locale = '') {
  const opened = await openTab<CgLifecycleStagesTab>('lifecycle-stages', 'owner', {
    locale,
    readySelector: 'cg-resource-list',
  })
  const list = listOf(opened.root)
  await until(() => list.rows().length === names.length, 'the eight default stages')
  const token = opened.session.access_token
  const stages = () =>
    rest<LifecycleStage[]>(token, 'lifecycle_stages?select=id,name,is_default&order=position')
  const moveButton = (direction: 'up' | 'down', name: string) =>
    list.list.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="Move ${name} ${direction}"]`)!
  const dialog = () => opened.root.querySelector<CgDialog>('#cg-confirm')!
  const confirm = () => dialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!
  return { ...opened, ...list, token, stages, moveButton, dialog, confirm }
}

describe('Lifecycle Stages tab', () => {
  it("lists HubSpot's stages in order, the default marked and without Delete, and is accessible", async () => {
    const { page, rows, button } = await open()
    expect(rows().map((cells) => cells[1]!.replace(/\s+Default$/, ''))).to.deep.equal(names)
    expect(rows()[0]![1]).to.contain('Default')
    expect(button('delete', 'Subscriber')).to.equal(null)
    expect(button('delete', 'Lead')).not.to.equal(null)
    await expect(page).to.be.accessible()
  })

  it('moves a stage with the keyboard: one request, the focus stays on it, and the move is announced', async () => {
    const { moveButton, stages, root, rows } = await open()
    moveButton('down', 'Lead').focus()
    await sendKeys({ press: 'Enter' })
    await until(() => rows()[2]?.[1] === 'Lead', 'Lead in third place')
    expect((await stages()).map((s) => s.name).slice(0, 3)).to.deep.equal([
      'Subscriber',
      'Marketing Qualified Lead',
      'Lead',
    ])
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Lead moved to position 3 of 8.')
    expect(focused()).to.equal(moveButton('down', 'Lead'))
    expect(moveButton('up', 'Subscriber').disabled, 'the first row cannot move up').to.equal(true)
  })

  it('moves a stage by dragging it onto another row', async () => {
    const { list, stages, rows } = await open()
    const tr = () => [...list.shadowRoot!.querySelectorAll('tbody tr')]
    const data = new DataTransfer()
    tr()[7]!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }))
    tr()[0]!.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
    tr()[0]!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    await until(() => rows()[0]?.[1]?.startsWith('Other') ?? false, 'Other first')
    await until(() => !list.shadowRoot!.querySelector('tbody tr[data-dragging]'), 'the drag over')
    expect((await stages()).map((s) => s.name)).to.deep.equal(['Other', ...names.slice(0, 7)])
  })

  it('makes another stage the default, and creates one from the contract-derived form', async () => {
    const { button, stages, root, field, rows } = await open()
    button('make-default', 'Customer')!.click()
    await until(
      () =>
        rows()
          .find((r) => r[1]?.startsWith('Customer'))?.[1]
          ?.includes('Default') ?? false,
      'Customer marked',
    )
    const defaults = (await stages()).filter((s) => s.is_default).map((s) => s.name)
    expect(defaults).to.deep.equal(['Customer'])
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(() => !!root.querySelector('form [name="name"]'), 'the form')
    expect(field<Field>('name').label).to.equal('Name')
    expect(field<Field>('color').help).to.equal('Shown beside the stage on contacts and in reports.')
    expect(field<Field>('is_default').label).to.equal('Default stage')
    await typeInto(field('name'), 'Churned')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => rows().length === 9, 'the new stage')
    expect((await stages()).at(-1)?.name).to.equal('Churned')
  })

  it('asks where the contacts go when a stage in use is deleted, then moves them and deletes it', async () => {
    const { button, stages, token, dialog, confirm, root, rows } = await open()
    const other = (await stages()).find((s) => s.name === 'Other') as LifecycleStage
    await rest(token, 'contacts', { method: 'POST', body: { name: 'Ana', lifecycle_stage_id: other.id } })
    button('delete', 'Other')!.click()
    await until(() => dialog().open, 'the delete question')
    confirm().click()
    await until(() => dialog().open && dialog().heading === 'Move the contacts in Other?', 'where they go')
    expect(dialog().textContent).to.contain('1 contacts are in Other')
    const radios = root.querySelector('#cg-confirm cg-radio-group')!
    const customer = [...radios.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].find(
      (input) => input.labels?.[0]?.textContent?.trim() === 'Customer',
    )!
    customer.click()
    confirm().click()
    await until(() => rows().length === 7, 'Other gone')
    const customerId = (await stages()).find((s) => s.name === 'Customer')?.id
    const [ana] = await rest<{ lifecycle_stage_id: string }[]>(
      token,
      'contacts?select=lifecycle_stage_id&name=eq.Ana',
    )
    expect(ana?.lifecycle_stage_id).to.equal(customerId)
  })

  it("shows the contract's labels in Spanish", async () => {
    const { root, field, page } = await open('es')
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(() => !!root.querySelector('form [name="name"]'), 'the form')
    await until(() => field<Field>('name').label === 'Nombre', 'the Spanish label')
    expect(field<Field>('is_default').label).to.equal('Etapa predeterminada')
    await expect(page).to.be.accessible()
  })
})
