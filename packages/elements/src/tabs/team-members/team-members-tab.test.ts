import type { Invitation } from '@connectgain/contracts/invitations'
import type { Member } from '@connectgain/contracts/members'
import type { RoleName } from '@connectgain/contracts/permissions'
import { expect } from '@open-wc/testing'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { joinMember, listOf, openTab, rest, takeSecret, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgResourceList } from '../../kit/cg-resource-list.ts'
import type { CgTeamMembersTab } from './team-members-tab.ts'

/** The tab for `role` in a fresh org (with `ana`, an agent, when `withAna`), once its members are in. */
async function open(role: RoleName, { withAna = true, slug = uniqueSlug('team') } = {}) {
  if (withAna) await joinMember((await devSession(role, slug)).access_token, 'ana')
  const opened = await openTab<CgTeamMembersTab>('team-members', role, {
    slug,
    readySelector: 'cg-resource-list',
  })
  const { root, session } = opened
  const token = session.access_token
  const list = listOf(root)
  await until(() => list.list.status === 'ready', 'the members')
  await list.list.updateComplete
  const dialog = (id: 'confirm' | 'create' | 'secret') => root.querySelector<CgDialog>(`#cg-${id}`)
  const confirm = () => dialog('confirm')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!
  const row = (text: string) =>
    list
      .rows()
      .find((cells) => cells.join(' ').includes(text))
      ?.join(' ') ?? ''
  const members = () => rest<Member[]>(token, 'members?select=id,email,role,availability')
  return { ...opened, ...list, token, dialog, confirm, row, members }
}

describe('Team Members tab', () => {
  it('lists the members: You, the role and the availability in words, and is accessible', async () => {
    const { page, row, session } = await open('owner')
    const me = 'owner@'
    expect(row(me)).to.contain('You')
    expect(row(me)).to.contain('Owner')
    expect(row('ana@example.com')).to.contain('Agent')
    expect(row('ana@example.com')).not.to.contain('You')
    const [ana] = await rest<Member[]>(
      session.access_token,
      'members?select=availability&email=eq.ana@example.com',
    )
    const words = { online: 'Online', busy: 'Busy', offline: 'Offline' }
    expect(row('ana@example.com')).to.contain(words[ana!.availability])
    await expect(page).to.be.accessible()
  })

  it('changes a role with the choice of roles, naming the person', async () => {
    const { button, dialog, confirm, root, members, row } = await open('owner')
    button('change-role', 'ana')!.click()
    await until(() => !!dialog('confirm')?.open, 'the question')
    expect(dialog('confirm')!.heading).to.equal('Change the role of ana?')
    expect(dialog('confirm')!.textContent).to.contain('ana is Agent now')
    const radios = root.querySelector('#cg-confirm cg-radio-group')!
    const inputs = () => [...radios.shadowRoot!.querySelectorAll<HTMLInputElement>('input')]
    const labels = inputs().map((input) => input.labels?.[0]?.textContent?.trim())
    expect(labels).to.deep.equal(['Owner', 'Admin', 'Project Manager', 'Team Admin'])
    inputs()
      .find((input) => input.labels?.[0]?.textContent?.trim() === 'Admin')!
      .click()
    confirm().click()
    await until(() => row('ana@example.com').includes('Admin'), 'Ana an admin')
    expect((await members()).find((m) => m.email === 'ana@example.com')?.role).to.equal('admin')
  })

  it('removes a member after a danger question saying their conversations become unassigned', async () => {
    const { button, dialog, confirm, members, rows } = await open('admin')
    button('remove', 'ana')!.click()
    await until(() => !!dialog('confirm')?.open, 'the question')
    expect(dialog('confirm')!.heading).to.equal('Remove ana?')
    expect(dialog('confirm')!.textContent).to.contain('their open conversations become unassigned')
    expect(dialog('confirm')!.danger).to.equal(true)
    confirm().click()
    await until(() => !rows().some((cells) => cells.join(' ').includes('ana')), 'Ana gone')
    expect((await members()).some((m) => m.email === 'ana@example.com')).to.equal(false)
  })

  it('shows the role rules before trying: not your own role, not the last owner, an owner only by an owner', async () => {
    const owner = await open('owner')
    const mine = 'owner@'
    expect(!!owner.button('change-role', mine), 'Change role on my row').to.equal(false)
    expect(!!owner.button('remove', mine), 'Remove on the last owner').to.equal(false)
    expect(owner.row(mine)).to.contain('The last owner: make another member an owner first.')
    expect(!!owner.button('change-role', 'ana')).to.equal(true)
    owner.page.remove()

    // An admin, in the same org as its owner: no role action on the owner, and why.
    const opened = await openTab<CgTeamMembersTab>('team-members', 'admin', {
      slug: owner.slug,
      readySelector: 'cg-resource-list',
    })
    const list = listOf(opened.root)
    await until(() => list.rows().length === 3, 'the owner, Ana and the admin')
    const ownerRow = list
      .rows()
      .find((cells) => cells.join(' ').includes('owner@'))!
      .join(' ')
    expect(ownerRow).to.contain('Only an owner can change or remove an owner.')
    expect(!!list.button('change-role', 'owner@')).to.equal(false)
    expect(!!list.button('remove', 'owner@')).to.equal(false)
    expect(
      list
        .rows()
        .find((cells) => cells.join(' ').includes('admin@'))!
        .join(' '),
    ).to.contain('You cannot change your own role.')
  })

  it('sets my own availability, for any role, with a toast', async () => {
    const { root, members } = await open('agent', { withAna: false })
    await until(() => !!root.querySelector('fieldset.mine'), 'My availability')
    expect(root.querySelector('fieldset.mine legend')!.textContent).to.equal('My availability')
    expect(!!root.querySelector('[data-action="create"]'), 'no Invite').to.equal(false)
    expect(root.textContent).to.contain('Only owners and admins can change these settings.')
    root.querySelector<HTMLInputElement>('fieldset.mine input[value="busy"]')!.click()
    await until(
      () =>
        root.querySelector('cg-toast-region')?.shadowRoot?.textContent?.includes('You are now Busy.') ??
        false,
      'the toast',
    )
    const mine = (await members()).find((m) => m.email.startsWith('agent@'))
    expect(mine?.availability).to.equal('busy')
  })

  it('invites by email and role, shows the link to copy, then resends (a new link) and revokes', async () => {
    const { root, dialog, confirm, token } = await open('admin', { withAna: false })
    const invitations = () => root.querySelectorAll<CgResourceList>('cg-resource-list')[1]!
    await until(() => invitations()?.status === 'empty', 'no invitations yet')
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(
      () => !!dialog('create')?.open && !!root.querySelector('#cg-create-form [name="email"]'),
      'the dialog',
    )
    const role = root.querySelector<HTMLElement & { options: { value: string }[] }>(
      '#cg-create-form [name="role"]',
    )!
    expect(
      role.options.map((o) => o.value),
      'an admin cannot invite an owner',
    ).to.not.include('owner')
    await typeInto(root.querySelector<HTMLElement>('#cg-create-form [name="email"]')!, 'bea@example.com')
    root.querySelector<HTMLButtonElement>('button[form="cg-create-form"]')!.click()
    const link = await takeSecret(root)
    expect(link).to.contain('?invite=')
    const cells = () =>
      [...(invitations().shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.textContent ?? '')
    await until(() => cells().some((text) => text.includes('bea@example.com')), 'the pending invitation')
    expect(cells()[0]).to.contain('Pending')

    const action = (id: string) =>
      invitations().shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${id}"]`)!
    action('resend').click()
    const again = await takeSecret(root)
    expect(again).to.contain('?invite=')
    expect(again).not.to.equal(link)

    // The resend holds the row buttons until the list has reloaded behind the closed secret (one click, one
    // request): a click before that is dropped, so click until the question opens.
    await until(() => {
      if (!dialog('confirm')?.open) action('revoke').click()
      return !!dialog('confirm')?.open
    }, 'the revoke question')
    expect(dialog('confirm')!.heading).to.equal('Revoke the invitation to bea@example.com?')
    confirm().click()
    await until(() => cells()[0]?.includes('Revoked') ?? false, 'marked Revoked')
    expect(!!invitations().shadowRoot!.querySelector('[data-action="revoke"]'), 'no Revoke').to.equal(false)
    const [stored] = await rest<Invitation[]>(token, 'invitations?select=status&email=eq.bea@example.com')
    expect(stored?.status).to.equal('revoked')
  })

  it('filters the list by role and by availability, and All shows everyone again', async () => {
    const { root, rows } = await open('owner')
    const filter = (name: string, value: string) =>
      root
        .querySelector(`.filters [name="${name}"]`)!
        .dispatchEvent(
          new CustomEvent('cg-field-change', { detail: { name, value }, bubbles: true, composed: true }),
        )
    await until(() => rows().length === 2, 'the owner and ana')
    filter('role', 'agent')
    await until(() => rows().length === 1, 'ana alone')
    expect(rows()[0]?.join(' ')).to.contain('ana')
    filter('availability', 'offline')
    await until(() => rows().length === 0, 'no agent offline')
    filter('role', '')
    filter('availability', '')
    await until(() => rows().length === 2, 'everyone again')
  })
})
