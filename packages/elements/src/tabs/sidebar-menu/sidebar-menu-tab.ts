/**
 * @module The Sidebar Menu tab: the host app's main sections, in order (drag, or Move up and Move down), each shown
 * or hidden, with a live preview of the sidebar they make and a reset to the defaults. Owners and admins edit.
 */
import {
  SETTINGS_ITEM,
  type SidebarItem,
  SidebarItemInsert,
  SidebarItemUpdate,
} from '@connectgain/contracts/sidebar-items'
import { msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
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
 * @tag cg-sidebar-menu-tab
 * @fires cg-saved - A section was created or changed; `detail.value` is the row the server returned.
 * @csspart preview - The live preview of the sidebar.
 */
export class CgSidebarMenuTab extends ListTab<SidebarItem> {
  static override styles = [
    ...ListTab.styles,
    css`
      .preview {
        margin-block-start: calc(var(--_space) * 3);
        max-inline-size: 240px;
        padding: calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .preview h3 {
        margin-block-end: var(--_space);
        font-size: 0.9em;
        color: var(--_muted);
      }
      .preview ol {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      .preview li {
        overflow-wrap: anywhere;
      }
      .preview .icon {
        color: var(--_muted);
        font-size: 0.85em;
      }
    `,
  ]

  protected readonly tab = 'sidebar-menu'
  protected override readonly ordered = true
  protected readonly resource = new ResourceController<SidebarItem>(this, {
    ...firstRequests['sidebar-menu'],
    schemas: { insert: SidebarItemInsert, update: SidebarItemUpdate },
  })
  private readonly reset = new FunctionController<unknown>(this, { name: 'reset-sidebar-menu' })

  protected texts(): ListTexts<SidebarItem> {
    return {
      list: msg('Sidebar sections', { id: 'sidebar.list' }),
      empty: msg('Reset the menu to bring back the default sections.', { id: 'sidebar.empty' }),
      create: msg('New section', { id: 'sidebar.create' }),
      edit: (item) => msg(str`Edit section ${item.label}`, { id: 'sidebar.edit' }),
      confirmDelete: (item) => msg(str`Delete section ${item.label}?`, { id: 'sidebar.confirm-delete' }),
      saved: msg('Section saved.', { id: 'sidebar.saved' }),
      deleted: msg('Section deleted.', { id: 'sidebar.deleted' }),
    }
  }

  protected rowName(item: SidebarItem): string {
    return item.label
  }

  protected columns(): ListColumn<SidebarItem>[] {
    return [
      columnOf(SidebarItemInsert, 'label', {
        render: (item) => html`${item.label}<span class="sub">${item.icon}</span>`,
      }),
      columnOf(SidebarItemInsert, 'key', { class: 'mono' }),
      columnOf(SidebarItemInsert, 'visible', {
        render: (item) =>
          item.visible
            ? html`<span class="badge" data-tone="success">${msg('Shown', { id: 'sidebar.shown' })}</span>`
            : html`<span class="badge" data-tone="muted">${msg('Hidden', { id: 'sidebar.hidden' })}</span>`,
      }),
    ]
  }

  /** A section's key is set when it is made: the host app routes by it. */
  protected fields(): FieldSpec[] {
    const creating = this.resource.editing === 'new'
    const settings = this.resource.editing !== 'new' && this.resource.editing?.key === SETTINGS_ITEM
    return fieldsOf(SidebarItemInsert, [
      ...(creating ? ['key'] : []),
      'label',
      'icon',
      ...(settings ? [] : ['visible']),
    ])
  }

  protected override allFields(): FieldSpec[] {
    return fieldsOf(SidebarItemInsert, ['key', 'label', 'icon', 'visible'])
  }

  /** Settings is the way back here: never hidden, never deleted. */
  protected override canDelete(item: SidebarItem): boolean {
    return item.key !== SETTINGS_ITEM
  }

  protected override rowActions(): RowAction<SidebarItem>[] {
    const toggle = (item: SidebarItem, visible: boolean) => async () => {
      const result = await this.resource.update(item, { visible })
      return result.ok
        ? { ok: true as const }
        : { ok: false as const, reason: 'failed' as const, error: result.error }
    }
    return [
      {
        id: 'hide',
        label: msg('Hide', { id: 'sidebar.hide' }),
        name: (item) => msg(str`Hide ${item.label}`, { id: 'sidebar.hide-row' }),
        when: (item) => item.visible && item.key !== SETTINGS_ITEM,
        run: (item) => toggle(item, false)(),
      },
      {
        id: 'show',
        label: msg('Show', { id: 'sidebar.show' }),
        name: (item) => msg(str`Show ${item.label}`, { id: 'sidebar.show-row' }),
        when: (item) => !item.visible,
        run: (item) => toggle(item, true)(),
      },
    ]
  }

  protected override toolbar() {
    if (!this.reset.canCall) return nothing
    return html`<button type="button" data-action="reset" ?disabled=${this.reset.busy} @click=${this.onReset}>
      ${msg('Reset to defaults', { id: 'sidebar.reset' })}
    </button>`
  }

  private readonly onReset = async (): Promise<void> => {
    if (this.reset.busy) return
    const sure = await this.confirmation.ask({
      heading: msg('Reset the sidebar menu?', { id: 'sidebar.reset-heading' }),
      body: msg(
        'The default sections come back with their labels and order; sections you added are removed.',
        {
          id: 'sidebar.reset-body',
        },
      ),
      confirmLabel: msg('Reset', { id: 'sidebar.reset-confirm' }),
      danger: true,
    })
    if (!sure) return
    const result = await this.reset.call({})
    if (!result.ok) {
      this.toasts?.show(result.reason === 'failed' ? failureText(result.error) : '', 'error')
      return
    }
    await this.resource.load()
    this.toasts?.show(msg('Sidebar menu reset.', { id: 'sidebar.reset-done' }), 'success')
  }

  /** What the host app's sidebar shows: the visible sections, in order, as the list now has them. */
  protected override belowList() {
    const shown = this.resource.rows.filter((item) => item.visible)
    if (this.resource.status !== 'ready') return nothing
    return html`<section class="preview" part="preview" aria-labelledby="cg-preview-heading">
      <h3 id="cg-preview-heading">${msg('Preview', { id: 'sidebar.preview' })}</h3>
      <ol>
        ${shown.map((item) => html`<li><span class="label">${item.label}</span> <span class="icon">${item.icon}</span></li>`)}
      </ol>
    </section>`
  }
}

defineElement('cg-sidebar-menu-tab', CgSidebarMenuTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-sidebar-menu-tab': CgSidebarMenuTab
  }
}
