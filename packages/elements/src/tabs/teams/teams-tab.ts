/**
 * @module The Teams tab: the teams conversations are routed to, each with its member count, and a team's members
 * (add, remove, appoint team admins). Owners and admins manage every team; a team admin only those they administer.
 */
import type { Member } from '@connectgain/contracts/members'
import { type Team, TeamInsert, type TeamMember, TeamUpdate } from '@connectgain/contracts/teams'
import { ContextConsumer } from '@lit/context'
import { msg, str } from '@lit/localize'
import { html, nothing, type ReactiveElement } from 'lit'
import { state } from 'lit/decorators.js'
import { ApiRequestError } from '../../api/client.ts'
import { failureText } from '../../api/failure-text.ts'
import { apiContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { columnOf, fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { RelatedRows } from '../../kit/related-rows.ts'
import { restPath } from '../../kit/resource.ts'
import { ResourceController, type SaveResult } from '../../kit/resource-controller.ts'
import type { RowAction } from '../../kit/row-actions.ts'
import { styles } from './teams-tab.styles.ts'

const quoted = (ids: string[]) => `in.(${ids.map((id) => JSON.stringify(id)).join(',')})`

/**
 * The teams the member may manage: a team admin's are those they administer (read first), and their edits go through
 * `update-team`, since PATCH /rest/v1/teams is for owners and admins.
 */
class TeamsController extends ResourceController<Team> {
  /** The teams a team admin administers, read for `mineFor` (a user id). */
  mine?: string[]
  private mineFor?: string
  readonly client: ContextConsumer<typeof apiContext, ReactiveElement>

  constructor(host: ReactiveElement) {
    super(host, {
      name: 'teams',
      shape: 'list',
      columns: ['id', 'name', 'description', 'allow_auto_assign'],
      order: 'name.asc',
      pageSize: 200,
      schemas: { insert: TeamInsert, update: TeamUpdate },
      filters: (): Record<string, string> => (this.teamAdmin ? { id: quoted(this.mine ?? []) } : {}),
    })
    this.client = new ContextConsumer(host, { context: apiContext, subscribe: true })
  }

  get teamAdmin(): boolean {
    return this.session?.role === 'team_admin'
  }

  override get canWrite(): boolean {
    return super.canWrite || this.teamAdmin
  }

  override async load(): Promise<void> {
    const api = this.client.value
    const user = this.session?.userId
    if (api && this.teamAdmin && this.mineFor !== user) {
      const filters = { is_team_admin: 'is.true', user_id: `eq.${user}` }
      try {
        const path = restPath({ name: 'team_members', columns: ['team_id'] }, { filters })
        this.mine = (await api.request<TeamMember[]>(path)).map((m) => m.team_id)
        this.mineFor = user
      } catch (err) {
        if (!(err instanceof ApiRequestError)) throw err
        Object.assign(this, { status: 'failed', loadError: failureText(err), canRetry: true })
        return this.host.requestUpdate()
      }
    }
    return super.load()
  }

  override async save(): Promise<SaveResult<Team>> {
    const team = this.editing
    const api = this.client.value
    if (!this.teamAdmin || !team || team === 'new' || !api) return super.save()
    this.saving = true
    try {
      const row = await api.request<Team>('/functions/v1/update-team', {
        method: 'POST',
        body: { id: team.id, ...this.changes },
      })
      this.cancel()
      await this.load()
      return { ok: true, row }
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err
      this.errors = err.fieldIssues
      return { ok: false, reason: 'failed', error: err }
    } finally {
      this.saving = false
      this.host.requestUpdate()
    }
  }
}

/**
 * @tag cg-teams-tab
 * @fires cg-saved - A team was created or changed; `detail.value` is the row the server returned.
 */
export class CgTeamsTab extends ListTab<Team> {
  static override styles = styles

  protected readonly tab = 'teams'
  protected readonly resource = new TeamsController(this)
  private readonly members = new RelatedRows<TeamMember>(
    this,
    { name: 'team_members', columns: ['id', 'team_id', 'user_id', 'is_team_admin'], key: 'team_id' },
    () => this.resource.rows,
  )
  /** The team whose members show in place of the list. */
  @state() private team?: Team
  /** The organization's members, by user id, read when a team's members first open. */
  private people = new Map<string, Member>()

  private get admin(): boolean {
    return !this.resource.teamAdmin
  }

  protected texts(): ListTexts<Team> {
    return {
      list: msg('Teams', { id: 'teams.list' }),
      empty: msg('Create teams so conversations reach the right people.', {
        id: 'teams.empty',
      }),
      ...(this.admin ? { create: msg('New team', { id: 'teams.create' }) } : {}),
      edit: (team) => msg(str`Edit team ${team.name}`, { id: 'teams.edit' }),
      confirmDelete: (team) => ({
        heading: msg(str`Delete team ${team.name}?`, { id: 'teams.confirm-delete' }),
        body: msg('Its conversations become unassigned and its members leave it. This cannot be undone.', {
          id: 'teams.delete-body',
        }),
        confirmLabel: msg('Delete', { id: 'teams.delete' }),
        danger: true,
      }),
      saved: msg('Team saved.', { id: 'teams.saved' }),
      deleted: msg('Team deleted.', { id: 'teams.deleted' }),
    }
  }

  protected rowName(team: Team): string {
    return team.name
  }

  protected columns(): ListColumn<Team>[] {
    return [
      columnOf(TeamInsert, 'name'),
      columnOf(TeamInsert, 'description', { class: 'clamp' }),
      {
        key: 'members',
        label: msg('Members', { id: 'teams.members' }),
        render: (team) => (this.members.has(team.id) ? this.members.of(team.id).length : '…'),
      },
    ]
  }

  protected fields(): FieldSpec[] {
    return fieldsOf(TeamInsert, ['name', 'description', 'allow_auto_assign'])
  }

  protected override canDelete(): boolean {
    return this.admin
  }

  protected override rowActions(): RowAction<Team>[] {
    return [
      {
        id: 'members',
        label: msg('Members', { id: 'teams.members' }),
        name: (team) => msg(str`Members of ${team.name}`, { id: 'teams.members-of' }),
        run: async (team) => {
          await this.open(team)
          return { ok: true }
        },
      },
    ]
  }

  private async request<T>(path: string, body?: unknown, method: 'POST' | 'PATCH' = 'POST') {
    const api = this.resource.client.value
    try {
      if (!api) throw new ApiRequestError(401, 'PGRST301', 'Not signed in')
      const answer = await api.request<T>(
        path,
        body === undefined ? {} : { method, body, returnRepresentation: true },
      )
      if (body !== undefined) await this.members.load()
      return answer
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err
      this.toasts?.show(failureText(err), 'error')
      return undefined
    }
  }

  private async open(team: Team): Promise<void> {
    if (!this.people.size) {
      const people = await this.request<Member[]>(
        restPath({ name: 'members', columns: ['user_id', 'name', 'email', 'role'] }),
      )
      this.people = new Map(people?.map((p) => [p.user_id, p]))
    }
    this.team = team
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('#cg-team-heading')?.focus()
  }

  private async back(): Promise<void> {
    const name = this.team?.name ?? ''
    this.team = undefined
    await this.updateComplete
    const list = this.renderRoot.querySelector('cg-resource-list')
    await list?.updateComplete
    const label = msg(str`Members of ${name}`, { id: 'teams.members-of' })
    const members = list?.shadowRoot?.querySelector<HTMLElement>(
      `button[data-action="members"][aria-label="${CSS.escape(label)}"]`,
    )
    // In the row's More menu (a row with Delete too), the focus goes to More.
    ;((members?.closest('[role="menu"]')?.previousElementSibling as HTMLElement | null) ?? members)?.focus()
  }

  private nameOf(userId: string): string {
    const person = this.people.get(userId)
    return person?.name || person?.email || userId
  }

  private async change(body: { team_id: string; user_id: string }, done: string, fn: string) {
    if (await this.request(`/functions/v1/${fn}`, body)) this.toasts?.show(done, 'success')
  }

  private async add(team: Team): Promise<void> {
    const inTeam = new Set(this.members.of(team.id).map((m) => m.user_id))
    const options = [...this.people.keys()]
      .filter((id) => !inTeam.has(id))
      .map((id) => ({ value: id, label: this.nameOf(id) }))
    const userId = await this.confirmation.choose({
      heading: msg(str`Add a member to ${team.name}`, { id: 'teams.add-heading' }),
      body: msg('They get the conversations routed to the team.', { id: 'teams.add-body' }),
      confirmLabel: msg('Add member', { id: 'teams.add' }),
      choice: { label: msg('Member', { id: 'teams.member' }), options },
    })
    if (userId === null) return
    const name = this.nameOf(userId)
    await this.change(
      { team_id: team.id, user_id: userId },
      msg(str`${name} added.`, { id: 'teams.added' }),
      'add-team-member',
    )
  }

  private async removeMember(team: Team, member: TeamMember): Promise<void> {
    const name = this.nameOf(member.user_id)
    const sure = await this.confirmation.ask({
      heading: msg(str`Remove ${name} from ${team.name}?`, { id: 'teams.remove-heading' }),
      body: msg('They stop getting the team’s conversations; they stay in the organization.', {
        id: 'teams.remove-body',
      }),
      confirmLabel: msg('Remove', { id: 'teams.remove' }),
      danger: true,
    })
    if (sure)
      await this.change(
        { team_id: team.id, user_id: member.user_id },
        msg(str`${name} removed.`, { id: 'teams.removed' }),
        'remove-team-member',
      )
  }

  private panel(team: Team) {
    const rows = this.members.of(team.id)
    return html`<section aria-labelledby="cg-team-heading">
      <h2 id="cg-team-heading" tabindex="-1">${msg(str`Members of ${team.name}`, { id: 'teams.members-of' })}</h2>
      <div class="toolbar">
        <button type="button" data-action="back" @click=${() => this.back()}>
          ${msg('Back to teams', { id: 'teams.back' })}
        </button>
        <button
          type="button"
          class="primary"
          data-action="add-member"
          ?disabled=${rows.length >= this.people.size}
          @click=${() => this.add(team)}
        >
          ${msg('Add member', { id: 'teams.add' })}
        </button>
      </div>
      ${
        rows.length
          ? html`<ul class="people">
            ${rows.map((m) => {
              const name = this.nameOf(m.user_id)
              return html`<li data-user=${m.user_id}>
                <span>${name}</span>
                ${m.is_team_admin ? html`<span class="badge" data-tone="success">${msg('Admin', { id: 'teams.admin' })}</span>` : nothing}
                ${
                  this.admin
                    ? html`<label
                      ><input
                        type="checkbox"
                        data-action="team-admin"
                        aria-label=${msg(str`Team admin: ${name}`, { id: 'teams.team-admin-of' })}
                        .checked=${m.is_team_admin}
                        @change=${async (e: Event) => {
                          const box = e.target as HTMLInputElement
                          const path = restPath({ name: 'team_members', columns: ['id'] }, { id: m.id })
                          if (!(await this.request(path, { is_team_admin: box.checked }, 'PATCH')))
                            box.checked = m.is_team_admin // refused: as it was
                        }}
                      />${msg('Team admin', { id: 'teams.team-admin' })}</label
                    >`
                    : nothing
                }
                <button
                  type="button"
                  data-action="remove"
                  aria-label=${msg(str`Remove ${name}`, { id: 'teams.remove-row' })}
                  @click=${() => this.removeMember(team, m)}
                >
                  ${msg('Remove', { id: 'teams.remove' })}
                </button>
              </li>`
            })}
          </ul>`
          : html`<p class="muted">${msg('No members in this team yet.', { id: 'teams.no-members' })}</p>`
      }
    </section>`
  }

  override render() {
    return this.team
      ? html`${this.panel(this.team)} ${this.confirmation.render()} ${this.renderToasts()}`
      : super.render()
  }
}

defineElement('cg-teams-tab', CgTeamsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-teams-tab': CgTeamsTab
  }
}
