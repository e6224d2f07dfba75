/**
 * @module End to end: an invitation's link opened on the vanilla demo page, accepted there with the invited email,
 * and the new member signed in to <cg-settings> with the invited role.
 */
import { describe, expect, it } from 'vitest'
import { useDemoHost } from './demo-host.ts'

const demo = useDemoHost()

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

describe('an invitation link on the demo page', () => {
  it('asks for the invited email, then signs the new member in with the invited role', async () => {
    const slug = `invited-${Date.now().toString(36)}`
    const owner = await post<{ access_token: string }>('/functions/v1/dev/session', {
      role: 'owner',
      org_slug: slug,
    })
    const email = `ana.${Date.now().toString(36)}@example.com`
    const invitation = await post<{ accept_url: string }>(
      '/functions/v1/invite-member',
      { email, role: 'agent' },
      owner.access_token,
    )
    expect(invitation.accept_url.startsWith(demo.url)).toBe(true)
    await demo.page.goto(invitation.accept_url)
    const form = demo.page.getByRole('form', { name: 'Accept your invitation' })
    await form.getByLabel('Email').fill('someone.else@example.com')
    await form.getByRole('button', { name: 'Join' }).click()
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('another email address')
    await form.getByLabel('Email').fill(email)
    await form.getByLabel('Name').fill('Ana')
    await form.getByRole('button', { name: 'Join' }).click()
    await demo.page.locator('cg-settings cg-organization-tab form').waitFor()
    expect(await form.isHidden()).toBe(true)
    expect(new URL(demo.page.url()).searchParams.get('invite')).toBeNull()
    const members = (await (
      await fetch(`${demo.url}/rest/v1/members?email=eq.${email}`, {
        headers: { authorization: `Bearer ${owner.access_token}` },
      })
    ).json()) as { role: string; name: string }[]
    expect(members).toEqual([expect.objectContaining({ role: 'agent', name: 'Ana' })])
  })
})
