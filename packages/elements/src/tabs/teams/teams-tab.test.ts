import type { Team, TeamMember } from '@connectgain/contracts/teams'
import { expect } from '@open-wc/testing'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { callFunction, focused, joinMember, listOf, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgTeamsTab } from './teams-tab.ts'

async function open(role: 'owner' | 'team_admin' = 'owner', slug = uniqueSlug('teams')) {
  const opened = await openTab<CgTeamsTab>('teams', role, { slug, readySelector: 'cg-resource-list' })
  const { root } = opened
  const token = opened.session.access_token
  const dialog = () => root.querySelector<CgDialog>('#cg-confirm')!
  const confirm = () => dialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!
  const panel = () => root.querySelector('section[aria-labelledby="cg-team-heading"]')
  const people = () =>
    [...root.querySelectorAll('section li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '')
  const inPanel = (selector: string) => root.querySelector<HTMLElement>(`section ${selector}`)
  return { ...opened, ...listOf(root), token, dialog, confirm, panel, people, inPanel }
}

const teamsOf = (token: string) => rest<Team[]>(token, 'teams?select=id,name&order=name')
const membersOf = (token: string, teamId: string) =>
  rest<TeamMember[]>(token, `team_members?select=user_id,is_team_admin&team_id=eq.${teamId}`)
const userOf = async (token: string, memberId: string) =>
  (await rest<{ user_id: string }[]>(token, `members?select=user_id&id=eq.${memberId}`))[0]!.user_id

describe('Teams tab', () => {
  it('creates a team, opens its members, adds one, makes them team admin and removes them', async () => {
    const { root, field, rows, button, token, dialog, confirm, panel, people, inPanel, page } = await open()
    const ana = await userOf(token, await joinMember(token, 'ana'))
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(() => !!root.querySelector('form [name="name"]'), 'the form')
    await typeInto(field('name'), 'Billing')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => rows().some((r) => r.join(' ').includes('Billing')), 'the new team')
    await until(() => rows()[0]?.[2] === '0', 'no members yet')
    await expect(page).to.be.accessible()
    const [team] = await teamsOf(token)

    button('members', 'Billing')!.click()
    await until(() => !!panel(), 'the members panel')
    expect(focused()?.id).to.equal('cg-team-heading')
    expect(root.textContent).to.contain('No members in this team yet.')
    inPanel('[data-action="add-member"]')!.click()
    await until(() => dialog().open, 'who to add')
    const radios = root.querySelector('#cg-confirm cg-radio-group')!
    ;[...radios.shadowRoot!.querySelectorAll<HTMLInputElement>('input')]
      .find((input) => input.labels?.[0]?.textContent?.trim() === 'ana')!
      .click()
    confirm().click()
    await until(() => people().length === 1, 'one member')
    expect(people()[0]).to.contain('ana')
    expect((await membersOf(token, team!.id)).map((m) => m.user_id)).to.deep.equal([ana])

    inPanel('[data-action="team-admin"]')!.click()
    await until(() => people()[0]?.includes('Admin') === true, 'the Admin badge')
    expect((await membersOf(token, team!.id))[0]?.is_team_admin).to.equal(true)
    await expect(page).to.be.accessible()

    inPanel('[data-action="remove"]')!.click()
    await until(() => dialog().open, 'the remove question')
    expect(dialog().heading).to.equal('Remove ana from Billing?')
    confirm().click()
    await until(() => people().length === 0, 'no members')
    expect((await membersOf(token, team!.id)).length).to.equal(0)

    inPanel('[data-action="back"]')!.click()
    await until(() => !panel() && rows().length === 1, 'the list again')
    await until(
      () => focused()?.getAttribute('aria-label') === 'More actions for Billing',
      'the focus back on More',
    )
  })

  it('says deleting a team unassigns its conversations, and does', async () => {
    const slug = uniqueSlug('teams')
    const token = (await devSession('owner', slug)).access_token
    const [team] = await rest<Team[]>(token, 'teams', { method: 'POST', body: { name: 'Support' } })
    const [contact] = await rest<{ id: string }[]>(token, 'contacts', {
      method: 'POST',
      body: { name: 'Eva' },
    })
    const [conversation] = await rest<{ id: string }[]>(token, 'conversations', {
      method: 'POST',
      body: { contact_id: contact!.id, team_id: team!.id },
    })
    const reopened = await open('owner', slug)
    await until(() => reopened.rows().length === 1, 'the team')
    reopened.button('delete', 'Support')!.click()
    await until(() => reopened.dialog().open, 'the delete question')
    expect(reopened.dialog().textContent).to.contain('Its conversations become unassigned')
    reopened.confirm().click()
    await until(() => reopened.rows().length === 0, 'the team gone')
    const [after] = await rest<{ team_id: string | null }[]>(
      token,
      `conversations?select=team_id&id=eq.${conversation!.id}`,
    )
    expect(after?.team_id).to.equal(null)
  })

  it('shows a team admin only the teams they administer: no New, Delete or admin toggles; renames it', async () => {
    const slug = uniqueSlug('teams')
    const owner = await devSession('owner', slug)
    const admin = await devSession('team_admin', slug)
    const token = owner.access_token
    const [mine] = await rest<Team[]>(token, 'teams', { method: 'POST', body: { name: 'Mine' } })
    await rest(token, 'teams', { method: 'POST', body: { name: 'Other' } })
    await callFunction(token, 'add-team-member', { team_id: mine!.id, user_id: admin.user_id })
    await rest(token, `team_members?team_id=eq.${mine!.id}&user_id=eq.${admin.user_id}`, {
      method: 'PATCH',
      body: { is_team_admin: true },
    })

    const bo = await userOf(token, await joinMember(token, 'bo'))
    const { root, rows, button, field, people, inPanel, page, dialog, confirm } = await open(
      'team_admin',
      slug,
    )
    await until(() => rows().length === 1, 'one team')
    expect(rows()[0]![0]).to.equal('Mine')
    expect(root.querySelector('button[data-action="create"]') === null, 'no New').to.equal(true)
    expect(button('delete', 'Mine') === null, 'no Delete').to.equal(true)
    await expect(page).to.be.accessible()

    button('edit', 'Mine')!.click()
    await until(() => !!root.querySelector('form [name="name"]'), 'the form')
    await typeInto(field('name'), 'Mine renamed')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => rows()[0]?.[0] === 'Mine renamed', 'the new name')
    expect((await teamsOf(token)).map((t) => t.name)).to.deep.equal(['Mine renamed', 'Other'])

    button('members', 'Mine renamed')!.click()
    await until(() => people().length === 1, 'the team admin in their team')
    expect(people()[0]).to.contain('Admin')
    expect(inPanel('[data-action="team-admin"]') === null, 'no admin toggle').to.equal(true)
    inPanel('[data-action="add-member"]')!.click()
    await until(() => dialog().open, 'who to add')
    const radios = root.querySelector('#cg-confirm cg-radio-group')!
    ;[...radios.shadowRoot!.querySelectorAll<HTMLInputElement>('input')]
      .find((input) => input.labels?.[0]?.textContent?.trim() === 'bo')!
      .click()
    confirm().click()
    await until(() => people().length === 2, 'bo added')
    expect((await membersOf(token, mine!.id)).map((m) => m.user_id)).to.include(bo)
    const other = (await teamsOf(token)).find((t) => t.name === 'Other')!
    const refused = await callFunction(admin.access_token, 'add-team-member', {
      team_id: other.id,
      user_id: bo,
    })
      .then(() => 'added')
      .catch((err: Error) => err.message)
    expect(refused).to.contain('403')
  })
})
