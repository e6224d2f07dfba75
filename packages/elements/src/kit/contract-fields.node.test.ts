/** @module contract-fields: a tab's form fields and list columns come from the contract's `ui()`, overridable. */
import { LifecycleStageInsert } from '@connectgain/contracts/lifecycle-stages'
import { SidebarItemInsert } from '@connectgain/contracts/sidebar-items'
import { describe, expect, it } from 'vitest'
import { columnOf, fieldOf, fieldsOf, labelOf } from './contract-fields.ts'

describe('fields from the contract', () => {
  it('reads the label, help, control, required and maximum length where the contract declares them', () => {
    expect(fieldsOf(LifecycleStageInsert, ['name', 'color', 'is_default'])).to.deep.equal([
      { name: 'name', label: 'Name', help: '', required: true, kind: 'text', maxlength: 60 },
      {
        name: 'color',
        label: 'Color',
        help: 'Shown beside the stage on contacts and in reports.',
        required: false,
        kind: 'color',
      },
      {
        name: 'is_default',
        label: 'Default stage',
        help: 'New contacts start in this stage.',
        required: false,
        kind: 'toggle',
      },
    ])
  })

  it('a boolean with a default is an optional toggle; an override replaces only what it names', () => {
    expect(fieldOf(SidebarItemInsert, 'visible')).to.include({ kind: 'toggle', required: false })
    expect(fieldOf(SidebarItemInsert, 'key', { placeholder: 'reports' } as never)).to.include({
      kind: 'text',
      maxlength: 40,
      required: true,
      placeholder: 'reports',
      label: 'Key',
    })
  })

  it('a list column takes its header from the contract', () => {
    expect(columnOf(SidebarItemInsert, 'label')).to.deep.equal({ key: 'label', label: 'Label' })
    expect(labelOf(LifecycleStageInsert, 'is_default')).to.equal('Default stage')
  })

  it('refuses a field the contract lacks, or one with no ui(): the tab would draw a control with no label', () => {
    expect(() => fieldOf(LifecycleStageInsert, 'nope')).toThrow(/no field 'nope'/)
    expect(() => fieldOf(LifecycleStageInsert, 'position')).toThrow(/declares no ui\(\)/)
  })
})
