/**
 * @module The Team Members tab: who is in the organization, their role and availability; each member sets their own
 * availability; owners and admins change roles, remove members, and invite by a link (resent or revoked later).
 */
import {
  type Invitation,
  InvitationIdRequest,
  type InvitationWithLink,
  InviteMemberRequest,
} from '@connectgain/contracts/invitations'
import {
  type Availability,
  type Member,
  MemberUpdate,
  SetAvailabilityRequest,
} from '@connectgain/contracts/members'
import { can, type RoleName } from '@connectgain/contracts/permissions'
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import { state } from 'lit/decorators.js'
import { styleMap } from 'lit/directives/style-map.js'
import { failureText } from '../../api/failure-text.ts'
import { defineElement } from '../../define.ts'
import type { FieldChangeDetail } from '../../form/field-element.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { columnOf, fieldOf, fieldsOf } from '../../kit/contract-fields.ts'
import { type FieldSpec, renderField } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import type { ActionOutcome, RowAction, SecretToShow } from '../../kit/row-actions.ts'
import { ListSection } from '../../kit/sections/list-section.ts'
import { firstRequests } from '../first-requests.ts'
import { styles } from './team-members-tab.styles.ts'

/** Each availability's dot: beside its label in words, never alone. */
const dots: Record<Availability, string> = {
  online: 'var(--cg-color-success, #067647)',
  busy: 'var(--cg-color-warning, #b54708)',
  offline: 'var(--cg-color-muted, #5a6472)',
}

const memberName = (member: Member) => member.name || member.email

/** The role options, in words, from the invite contract (the same words the invite dialog shows). */
const roleOptions = () =>
  (fieldOf(InviteMemberRequest, 'role') as { options: { value: string; label: string }[] }).options
const roleWord = (role: string) => roleOptions().find((option) => option.value === role)?.label ?? role

/** The availability options, in words. */
const availabilityOptions = () =>
  (fieldOf(MemberUpdate, 'availability') as { options: { value: string; label: string }[] }).options

/** An invitation link, shown once here (the server keeps only its hash), to copy. */
const linkShown = (invitation: InvitationWithLink): SecretToShow => ({
  heading: msg(str`Copy the invitation link for ${invitation.email}`, { id: 'team.link.heading' }),
  label: msg('Invitation link', { id: 'team.link.label' }),
  value: invitation.accept_url,
  again: true,
})

/**
 * Every role sees the members and sets their own availability; owners and admins change roles and remove members
 * (the role rules are shown before trying: no role change on one's own row, an owner only by an owner, never the last
 * owner demoted or removed), invite by email and role (the link shown to copy), and resend or revoke invitations.
 *
 * @tag cg-team-members-tab
 * @fires cg-saved - A member was invited, changed or removed, or an invitation resent or revoked.
 */
export class CgTeamMembersTab extends ListTab<Member, InvitationWithLink> {
  static override styles = styles

  protected readonly tab = 'team-members'
  protected readonly resource = new ResourceController<Member>(this, {
    ...firstRequests['team-members'],
    schemas: { update: MemberUpdate },
  })
  protected override readonly editable = false
  protected override readonly creator = new FunctionController<InvitationWithLink>(this, {
    name: 'invite-member',
    schema: InviteMemberRequest,
    initial: () => ({ role: 'agent' }),
  })
  private readonly availability = new FunctionController<unknown>(this, {
    name: 'set-availability',
    schema: SetAvailabilityRequest,
  })
  private readonly resend = new FunctionController<InvitationWithLink>(this, {
    name: 'resend-invitation',
    schema: InvitationIdRequest,
  })
  private readonly revoke = new FunctionController<unknown>(this, {
    name: 'revoke-invitation',
    schema: InvitationIdRequest,
  })
  /** The invitations, made once the member is known to read them (owners and admins): no request a role cannot make. */
  private invitations?: ListSection<Invitation>
  /** The member's own availability, as they last set it here. */
  @state() private mine?: Availability
  /** The list's filters by role and availability ('' for all), over the members loaded whole. */
  @state() private only: { role: string; availability: string } = { role: '', availability: '' }

  private get viewerRole(): RoleName | undefined {
    return this.resource.session?.role
  }

  private isMe(member: Member): boolean {
    return member.user_id === this.resource.session?.userId
  }

  private get owners(): number {
    return this.resource.rows.filter((member) => member.role === 'owner').length
  }

  /** Whether the viewer may change this member's role (the server's role rules, ahead of trying). */
  private canChangeRole(member: Member): boolean {
    return !this.isMe(member) && (member.role !== 'owner' || this.viewerRole === 'owner')
  }

  /** Why a member's row lacks an action, when it does (the viewer can change members). */
  private whyNot(member: Member): string {
    if (member.role === 'owner' && this.viewerRole !== 'owner')
      return msg('Only an owner can change or remove an owner.', { id: 'team.why.owner' })
    if (member.role === 'owner' && this.owners <= 1)
      return msg('The last owner: make another member an owner first.', { id: 'team.why.last-owner' })
    if (this.isMe(member)) return msg('You cannot change your own role.', { id: 'team.why.self' })
    return ''
  }

  protected texts(): ListTexts<Member> {
    return {
      list: msg('Team members', { id: 'team.list' }),
      empty: msg('No members match.', { id: 'team.empty' }),
      create: msg('Invite member', { id: 'team.invite' }),
      submitCreate: msg('Send invitation', { id: 'team.invite-submit' }),
      search: msg('Search members', { id: 'team.search' }),
      confirmDelete: (member) => ({
        heading: msg(str`Remove ${memberName(member)}?`, { id: 'team.remove-confirm' }),
        body: msg(
          str`${memberName(member)} leaves the organization, and their open conversations become unassigned.`,
          { id: 'team.remove-body' },
        ),
        confirmLabel: msg('Remove', { id: 'team.remove' }),
        danger: true,
      }),
      deleted: (member) => msg(str`${memberName(member)} removed.`, { id: 'team.removed' }),
      deleteButton: {
        id: 'remove',
        label: msg('Remove', { id: 'team.remove' }),
        name: (member) => msg(str`Remove ${memberName(member)}`, { id: 'team.remove-row' }),
      },
    }
  }

  protected rowName(member: Member): string {
    return memberName(member)
  }

  protected columns(): ListColumn<Member>[] {
    const writer = !!this.viewerRole && can(this.viewerRole, 'write', 'members')
    return [
      {
        key: 'name',
        label: msg('Member', { id: 'team.member' }),
        render: (member) =>
          html`${memberName(member)}
          ${this.isMe(member) ? html`<span class="badge" data-tone="success">${msg('You', { id: 'team.you' })}</span>` : nothing}
          ${member.name ? html`<span class="sub">${member.email}</span>` : nothing}`,
      },
      columnOf(InviteMemberRequest, 'role', {
        render: (member) => {
          const why = writer ? this.whyNot(member) : ''
          return html`${roleWord(member.role)}${why ? html`<span class="sub" data-why>${why}</span>` : nothing}`
        },
      }),
      columnOf(MemberUpdate, 'availability', {
        render: (member) =>
          html`<span class="swatch" aria-hidden="true" style=${styleMap({ '--swatch': dots[member.availability] })}></span>${
            availabilityOptions().find((option) => option.value === member.availability)?.label
          }`,
      }),
    ]
  }

  /** The invite dialog's fields; only an owner invites an owner. */
  protected fields(): FieldSpec[] {
    const [email, role] = fieldsOf(InviteMemberRequest, ['email', 'role']) as [
      FieldSpec,
      FieldSpec & { options: { value: string }[] },
    ]
    const options = role.options.filter((option) => option.value !== 'owner' || this.viewerRole === 'owner')
    return [email, { ...role, options } as FieldSpec]
  }

  protected override canDelete(member: Member): boolean {
    return (
      (member.role !== 'owner' || this.viewerRole === 'owner') &&
      !(member.role === 'owner' && this.owners <= 1)
    )
  }

  protected override created(invitation: InvitationWithLink): ActionOutcome {
    void this.invitations?.resource.load()
    const { accept_url: _link, ...saved } = invitation
    return {
      ok: true,
      saved,
      secret: linkShown(invitation),
      toast: invitation.emailed
        ? msg(str`Invitation emailed to ${invitation.email}.`, { id: 'team.invited-emailed' })
        : msg(str`${invitation.email} invited: give them the link.`, { id: 'team.invited' }),
    }
  }

  protected override rowActions(): RowAction<Member>[] {
    return [
      {
        id: 'change-role',
        label: msg('Change role', { id: 'team.change-role' }),
        name: (member) => msg(str`Change role of ${memberName(member)}`, { id: 'team.change-role-row' }),
        when: (member) => this.canChangeRole(member),
        run: async (member) => {
          const options = roleOptions().filter(
            (option) =>
              option.value !== member.role && (option.value !== 'owner' || this.viewerRole === 'owner'),
          )
          const role = await this.confirmation.choose({
            heading: msg(str`Change the role of ${memberName(member)}?`, { id: 'team.role-heading' }),
            body: msg(
              str`${memberName(member)} is ${roleWord(member.role)} now; they act with the new role at once.`,
              {
                id: 'team.role-body',
              },
            ),
            confirmLabel: msg('Change role', { id: 'team.change-role' }),
            choice: { label: msg('New role', { id: 'team.new-role' }), options },
          })
          if (role === null) return { ok: true }
          const result = await this.resource.update(member, { role })
          return result.ok
            ? {
                ok: true,
                saved: { id: member.id, role },
                toast: msg(str`${memberName(member)} is now ${roleWord(role)}.`, { id: 'team.role-changed' }),
              }
            : { ok: false, reason: 'failed', error: result.error }
        },
      },
    ]
  }

  private invitationActions(): RowAction<Invitation>[] {
    return [
      {
        id: 'resend',
        label: msg('Resend', { id: 'team.resend' }),
        name: (invitation) =>
          msg(str`Resend the invitation to ${invitation.email}`, { id: 'team.resend-row' }),
        when: (invitation) => invitation.status === 'pending' || invitation.status === 'expired',
        run: async (invitation) => {
          const sent = await this.resend.call({ id: invitation.id })
          if (!sent.ok) return sent
          await this.revealOnce(linkShown(sent.value))
          return {
            ok: true,
            toast: msg(str`A new link for ${invitation.email}; the old one no longer works.`, {
              id: 'team.resent',
            }),
          }
        },
      },
      {
        id: 'revoke',
        label: msg('Revoke', { id: 'team.revoke' }),
        name: (invitation) =>
          msg(str`Revoke the invitation to ${invitation.email}`, { id: 'team.revoke-row' }),
        when: (invitation) => invitation.status === 'pending',
        confirm: (invitation) => ({
          heading: msg(str`Revoke the invitation to ${invitation.email}?`, { id: 'team.revoke-confirm' }),
          body: msg('Its link stops working. You can invite them again later.', { id: 'team.revoke-body' }),
          confirmLabel: msg('Revoke', { id: 'team.revoke' }),
          danger: true,
        }),
        run: async (invitation) => {
          const revoked = await this.revoke.call({ id: invitation.id })
          return revoked.ok
            ? {
                ok: true,
                toast: msg(str`Invitation to ${invitation.email} revoked.`, { id: 'team.revoked' }),
              }
            : revoked
        },
      },
    ]
  }

  private invitationColumns(): ListColumn<Invitation>[] {
    const statuses: Record<Invitation['status'], () => string> = {
      pending: () => msg('Pending', { id: 'team.status.pending' }),
      accepted: () => msg('Accepted', { id: 'team.status.accepted' }),
      expired: () => msg('Expired', { id: 'team.status.expired' }),
      revoked: () => msg('Revoked', { id: 'team.status.revoked' }),
    }
    return [
      columnOf(InviteMemberRequest, 'email'),
      columnOf(InviteMemberRequest, 'role', { render: (invitation) => roleWord(invitation.role) }),
      {
        key: 'status',
        label: msg('Status', { id: 'team.status' }),
        render: (invitation) =>
          html`<span class="badge" data-tone=${invitation.status === 'pending' ? 'success' : 'muted'}
            >${statuses[invitation.status]()}</span
          >`,
      },
      {
        key: 'expires_at',
        label: msg('Link valid until', { id: 'team.expires' }),
        render: (invitation) => new Date(invitation.expires_at).toLocaleDateString(),
      },
    ]
  }

  /** The invitations' list, once the member is known to be one who reads them. */
  protected override willUpdate(): void {
    const role = this.viewerRole
    if (this.invitations || !role || !can(role, 'read', 'invitations')) return
    const resource = new ResourceController<Invitation>(this, {
      name: 'invitations',
      shape: 'list',
      columns: ['id', 'email', 'role', 'status', 'invited_by', 'expires_at', 'accepted_at', 'created_at'],
      order: 'created_at.desc',
      // Not accepted yet. `status` is derived on read and `revoked_at` is not readable, so a revoked one stays, marked.
      filters: () => ({ accepted_at: 'is.null' }),
    })
    this.invitations = new ListSection<Invitation>(this, {
      tab: this.tab,
      resource,
      columns: () => this.invitationColumns(),
      rowName: (invitation) => invitation.email,
      texts: () => ({
        list: msg('Invitations', { id: 'team.invitations' }),
        empty: msg('No invitations waiting to be accepted.', { id: 'team.invitations-empty' }),
      }),
      ask: (question) => this.confirmation.ask(question),
      rowActions: () => this.invitationActions(),
      readonly: () => !this.revoke.canCall,
      refocus: () => this.renderRoot.querySelector<HTMLElement>('#cg-invitations-heading'),
    })
    this.requestUpdate()
  }

  private readonly setAvailability = async (event: Event) => {
    const availability = (event.target as HTMLInputElement).value as Availability
    const before = this.mine
    this.mine = availability
    const result = await this.availability.call({ availability })
    if (!result.ok) {
      this.mine = before
      this.toasts?.show(result.reason === 'failed' ? failureText(result.error) : '', 'error')
      return
    }
    await this.resource.load()
    const word = availabilityOptions().find((option) => option.value === availability)?.label ?? availability
    this.toasts?.show(msg(str`You are now ${word}.`, { id: 'team.availability-set' }), 'success')
  }

  /** My availability: every member sets their own. */
  private renderMine() {
    const me = this.resource.rows.find((member) => this.isMe(member))
    const mine = this.mine ?? me?.availability
    if (!mine) return nothing
    return html`<fieldset class="mine" aria-busy=${this.availability.busy ? 'true' : 'false'}>
      <legend>${msg('My availability', { id: 'team.my-availability' })}</legend>
      ${availabilityOptions().map(
        (option) =>
          html`<label
            ><input
              type="radio"
              name="my-availability"
              value=${option.value}
              .checked=${option.value === mine}
              @change=${this.setAvailability}
            /><span class="dot" aria-hidden="true" style=${styleMap({ '--swatch': dots[option.value as Availability] })}></span
            >${option.label}</label
          >`,
      )}
    </fieldset>`
  }

  protected override belowList(): unknown {
    const { invitations } = this
    if (!invitations) return nothing
    return html`<section aria-labelledby="cg-invitations-heading">
      <h3 id="cg-invitations-heading" tabindex="-1">${msg('Invitations', { id: 'team.invitations' })}</h3>
      ${invitations.render()}
    </section>`
  }

  protected override shows(member: Member): boolean {
    const { role, availability } = this.only
    return (!role || member.role === role) && (!availability || member.availability === availability)
  }

  /** Two selects that filter the list (every member stays loaded: the last-owner rule counts them all). */
  private renderFilters() {
    const all = { value: '', label: msg('All', { id: 'team.filter-all' }) }
    const filters: FieldSpec[] = [
      {
        kind: 'select',
        name: 'role',
        label: msg('Role', { id: 'team.filter-role' }),
        options: [all, ...roleOptions()],
      },
      {
        kind: 'select',
        name: 'availability',
        label: msg('Availability', { id: 'team.filter-availability' }),
        options: [all, ...availabilityOptions()],
      },
    ]
    const form = { values: this.only, errors: {} }
    return html`<div
      class="filters"
      @cg-field-change=${(e: CustomEvent<FieldChangeDetail>) => {
        e.stopPropagation()
        this.only = { ...this.only, [e.detail.name]: String(e.detail.value ?? '') }
      }}
    >
      ${filters.map((field) => renderField(field, form, false))}
    </div>`
  }

  override render() {
    return html`${this.renderMine()} ${this.renderFilters()} ${super.render()}`
  }
}

defineElement('cg-team-members-tab', CgTeamMembersTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-team-members-tab': CgTeamMembersTab
  }
}
