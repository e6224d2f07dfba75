/**
 * @module The Lifecycle Stages tab: the stages a contact moves through, in order (drag, or Move up and Move down),
 * one of them the default; deleting a stage that contacts are in asks where they go. Owners and admins edit.
 */
import {
  type LifecycleStage,
  LifecycleStageInsert,
  LifecycleStageUpdate,
} from '@connectgain/contracts/lifecycle-stages'
import { msg, str } from '@lit/localize'
import { html } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import type { ApiRequestError } from '../../api/client.ts'
import { failureText } from '../../api/failure-text.ts'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { columnOf, fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import type { RowAction } from '../../kit/row-actions.ts'
import { firstRequests } from '../first-requests.ts'

/**
 * @tag cg-lifecycle-stages-tab
 * @fires cg-saved - A stage was created or changed; `detail.value` is the row the server returned.
 */
export class CgLifecycleStagesTab extends ListTab<LifecycleStage> {
  protected readonly tab = 'lifecycle-stages'
  protected override readonly ordered = true
  protected readonly resource = new ResourceController<LifecycleStage>(this, {
    ...firstRequests['lifecycle-stages'],
    schemas: { insert: LifecycleStageInsert, update: LifecycleStageUpdate },
  })
  private readonly deleteMoving = new FunctionController<{ contacts_moved: number }>(this, {
    name: 'delete-lifecycle-stage',
  })

  protected texts(): ListTexts<LifecycleStage> {
    return {
      list: msg('Lifecycle stages', { id: 'stages.list' }),
      empty: msg('Add stages to show where each contact is on the way to becoming a customer.', {
        id: 'stages.empty',
      }),
      create: msg('New stage', { id: 'stages.create' }),
      edit: (stage) => msg(str`Edit stage ${stage.name}`, { id: 'stages.edit' }),
      confirmDelete: (stage) => msg(str`Delete stage ${stage.name}?`, { id: 'stages.confirm-delete' }),
      saved: msg('Stage saved.', { id: 'stages.saved' }),
      deleted: msg('Stage deleted.', { id: 'stages.deleted' }),
    }
  }

  protected rowName(stage: LifecycleStage): string {
    return stage.name
  }

  protected columns(): ListColumn<LifecycleStage>[] {
    return [
      columnOf(LifecycleStageInsert, 'name', {
        render: (stage) =>
          html`<span class="swatch" aria-hidden="true" style=${styleMap({ '--swatch': stage.color })}></span>${stage.name}
          ${stage.is_default ? html`<span class="badge" data-tone="success">${msg('Default', { id: 'stages.default' })}</span>` : ''}`,
      }),
    ]
  }

  protected fields(): FieldSpec[] {
    return fieldsOf(LifecycleStageInsert, ['name', 'color', 'is_default'])
  }

  /** The default stage is changed by making another one the default, never deleted. */
  protected override canDelete(stage: LifecycleStage): boolean {
    return !stage.is_default
  }

  protected override rowActions(): RowAction<LifecycleStage>[] {
    return [
      {
        id: 'make-default',
        label: msg('Make default', { id: 'stages.make-default' }),
        name: (stage) => msg(str`Make default: ${stage.name}`, { id: 'stages.make-default-row' }),
        when: (stage) => !stage.is_default,
        run: async (stage) => {
          const result = await this.resource.update(stage, { is_default: true })
          return result.ok
            ? {
                ok: true,
                toast: msg(str`${stage.name} is now the default stage.`, { id: 'stages.made-default' }),
              }
            : { ok: false, reason: 'failed', error: result.error }
        },
      },
    ]
  }

  /** A stage that contacts are in: asks which stage they move to, then moves them and deletes it in one call. */
  protected override async deleteRefused(stage: LifecycleStage, error: ApiRequestError): Promise<boolean> {
    const inUse = error.status === 409 && error.code === 'CG409'
    const others = this.resource.rows.filter((s) => s.id !== stage.id)
    if (!inUse || others.length === 0) return false
    const count = Number(error.fieldIssues.id?.params?.count ?? 0)
    const target = await this.confirmation.choose({
      heading: msg(str`Move the contacts in ${stage.name}?`, { id: 'stages.move-heading' }),
      body: msg(
        str`${count} contacts are in ${stage.name}. Choose the stage they move to; then ${stage.name} is deleted.`,
        {
          id: 'stages.move-body',
        },
      ),
      confirmLabel: msg('Move and delete', { id: 'stages.move-confirm' }),
      danger: true,
      choice: {
        label: msg('Move them to', { id: 'stages.move-to' }),
        options: others.map((s) => ({ value: s.id, label: s.name })),
      },
    })
    if (target === null) return true
    const moved = await this.deleteMoving.call({ id: stage.id, move_to_id: target })
    if (!moved.ok) {
      this.toasts?.show(moved.reason === 'failed' ? failureText(moved.error) : '', 'error')
      return true
    }
    const movedCount = moved.value.contacts_moved
    const to = others.find((s) => s.id === target)?.name ?? ''
    await this.resource.load()
    this.toasts?.show(
      msg(str`${stage.name} deleted; ${movedCount} contacts moved to ${to}.`, { id: 'stages.moved' }),
      'success',
    )
    return true
  }
}

defineElement('cg-lifecycle-stages-tab', CgLifecycleStagesTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-lifecycle-stages-tab': CgLifecycleStagesTab
  }
}
