import { expect } from '@open-wc/testing'
import { FakePlatform, gone, subscriptionAt } from '../../../test/push-platform.ts'
import { apiUrl, type DevSession, devSession, uniqueSlug } from '../../../test/session.ts'
import { rest } from '../../../test/tabs.ts'
import { ApiClient } from '../../api/client.ts'
import { autoSubscribe } from './auto-subscribe.ts'

/** A fresh agent, their API client, and the endpoints the server holds for them. */
async function member(prefs?: Record<string, boolean>) {
  const session = await devSession('agent', uniqueSlug('auto'))
  if (prefs)
    await rest(session.access_token, 'notification_preferences?on_conflict=user_id', {
      method: 'POST',
      body: prefs,
    })
  const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token })
  const stored = async () =>
    (await rest<{ endpoint: string }[]>(session.access_token, 'push_subscriptions?select=endpoint')).map(
      (row) => row.endpoint,
    )
  return { session, api, stored }
}

const run = (api: ApiClient, platform: FakePlatform, session: DevSession) =>
  autoSubscribe(api, platform, session.user_id)

describe('autoSubscribe (the spec: automatic subscription on login)', () => {
  it('subscribes and stores this browser when notifications are already allowed, without asking', async () => {
    const { session, api, stored } = await member()
    const platform = new FakePlatform({ permission: 'granted' })
    const subscription = await run(api, platform, session)
    expect(platform.asked).to.equal(0)
    expect(platform.subscribed).to.equal(1)
    expect(platform.key).to.match(/^[\w-]{87}$/) // the server's VAPID key from push-config
    expect(await stored()).to.deep.equal([subscription?.endpoint])
  })

  it('does nothing when permission is not granted, Web Push is missing, or the member turned it off here', async () => {
    const { session, api, stored } = await member()
    for (const platform of [
      new FakePlatform({ permission: 'default' }),
      new FakePlatform({ permission: 'denied' }),
      new FakePlatform({ permission: 'granted', support: 'unsupported' }),
      new FakePlatform({ permission: 'granted', support: 'ios-needs-install' }),
    ]) {
      expect(await run(api, platform, session)).to.equal(null)
      expect(platform.asked + platform.subscribed).to.equal(0)
    }
    const turnedOff = new FakePlatform({ permission: 'granted' })
    turnedOff.setTurnedOff(session.user_id, true)
    expect(await run(api, turnedOff, session)).to.equal(null)
    expect(turnedOff.subscribed).to.equal(0)
    expect(await stored()).to.deep.equal([])
  })

  it('respects auto_subscribe off, and does not subscribe again when the server already has this browser', async () => {
    const off = await member({ auto_subscribe: false })
    const platform = new FakePlatform({ permission: 'granted' })
    expect(await run(off.api, platform, off.session)).to.equal(null)
    expect(platform.subscribed).to.equal(0)

    const { session, api, stored } = await member()
    const here = new FakePlatform({ permission: 'granted' })
    here.current = await subscriptionAt(gone())
    await rest(session.access_token, 'push_subscriptions', { method: 'POST', body: here.current })
    expect(await run(api, here, session)).to.equal(null)
    expect(here.subscribed).to.equal(0)
    expect(await stored()).to.have.length(1)
  })

  it('runs once at a time per member: the shell and the tab opening together store one row', async () => {
    const { session, api, stored } = await member()
    const platform = new FakePlatform({ permission: 'granted' })
    const [first, second] = await Promise.all([run(api, platform, session), run(api, platform, session)])
    expect(first).to.equal(second)
    expect(platform.subscribed).to.equal(1)
    expect(await stored()).to.have.length(1)
  })
})
