/**
 * @module End to end: `npm start`'s host serving the vanilla demo, driven in the system Chromium
 * through the spec's Use Case 1 (Settings → Organization → timezone, currency → Save changes → verify).
 */
import { describe, expect, it } from 'vitest'
import { builtTabCount } from './built-tabs.ts'
import { useDemoHost } from './demo-host.ts'

const demo = useDemoHost()

const settings = () => demo.page.locator('cg-settings')
const org = () => settings().locator('cg-organization-tab')

async function apiOrg(role = 'admin') {
  const session = await (
    await fetch(`${demo.url}/functions/v1/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    })
  ).json()
  const [row] = await (
    await fetch(`${demo.url}/rest/v1/organizations`, {
      headers: { authorization: `Bearer ${session.access_token}` },
    })
  ).json()
  return row
}

describe('Use Case 1 in the vanilla demo', () => {
  it('an admin updates name, timezone and currency, and the settings are saved', async () => {
    await demo.page.goto(`${demo.url}/`)
    // 1. Settings → Organization (the demo opens it; the nav link shows it is the current page).
    await expect
      .poll(() => settings().locator('nav a[aria-current="page"]').textContent())
      .toBe('Organization')
    await expect.poll(() => org().getByLabel('Organization name').inputValue()).toBe('Acme Inc')
    const saveButton = org().getByRole('button', { name: 'Save changes' })
    expect(await saveButton.isDisabled()).toBe(true)

    // 2. Update the name.
    await org().getByLabel('Organization name').fill('My Company')
    // 3. Select the timezone from the dropdown.
    const timezone = org().getByRole('combobox', { name: 'Timezone' })
    await timezone.click()
    await timezone.fill('New York')
    await org()
      .getByRole('option', { name: /New York/ })
      .click()
    // 4. Select the currency from the dropdown.
    const currency = org().getByRole('combobox', { name: 'Currency' })
    await currency.click()
    await currency.fill('EUR')
    await org().getByRole('option', { name: /^EUR/ }).click()

    // 5. Save changes.
    const saved = demo.page.evaluate(
      () =>
        new Promise((resolve) =>
          document
            .querySelector('cg-settings')!
            .addEventListener('cg-saved', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    )
    await saveButton.click()
    expect(await saved).toMatchObject({
      tab: 'organization',
      value: { name: 'My Company', timezone: 'America/New_York', currency: 'EUR' },
    })

    // 6. Verify: the page says so, the event log shows it, and the API returns the new values.
    await expect.poll(() => org().getByRole('status').filter({ hasText: 'saved' }).count()).toBeGreaterThan(0)
    await expect.poll(() => demo.page.locator('#events li').first().textContent()).toContain('cg-saved')
    expect(await apiOrg()).toMatchObject({
      name: 'My Company',
      timezone: 'America/New_York',
      currency: 'EUR',
    })
    await demo.page.screenshot({ path: new URL('./use-case-1.png', import.meta.url).pathname })
  })

  it('an agent sees the organization read-only and no admin tabs', async () => {
    await demo.page.selectOption('#role', 'agent')
    await expect.poll(() => settings().locator('nav a[data-tab]').count()).toBe(builtTabCount('agent'))
    await expect.poll(() => org().getByText('Only owners and admins').count()).toBe(1)
    expect(await org().getByRole('button', { name: 'Save changes' }).count()).toBe(0)
  })
})
