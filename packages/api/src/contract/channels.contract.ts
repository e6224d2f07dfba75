/**
 * @module Contract: channels. Each type's settings and credentials are checked (a missing one is named, nothing is
 * written), credentials are never readable (no select, filter or audit entry shows them) and a PATCH replaces exactly
 * the ones it names; agents read a channel's id, type, name and enabled only; another org's channels do not exist.
 * Inbound: Meta's handshake, signed deliveries (a bad signature writes nothing), a WhatsApp text message becoming
 * contact, conversation and message (a repeated wamid ignored), the API channel, and a disabled channel's 404. Each
 * describe works in orgs of its own.
 */
import { REDACTED, type Role, roles } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { hubSignature } from '../features/channels/secrets.ts'
import {
  type CreatedRow,
  createRow,
  devSession,
  expectError,
  expectJson,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

const CHANNELS = '/rest/v1/channels'
const INBOUND = '/functions/v1/inbound'
const INVALID = { status: 400, code: '22P02' }
const UNKNOWN_COLUMN = { status: 400, code: '42703' }
const DENIED = { status: 403, code: '42501' }
const MISSING = { status: 404, code: 'CG404' }

const ACCESS_TOKEN = 'EAAGcontractACCESStoken0123456789'
const APP_SECRET = 'contract-app-secret-0123456789abcdef'
const PHONE_NUMBER_ID = '106540352242922'

interface Channel extends CreatedRow {
  type: string
  name: string
  enabled: boolean
  settings: Record<string, unknown>
  credential_keys: string[]
  inbound_url: string
  verify_token: string | null
  inbound_token: string | null
  last_check: unknown
}

interface Inbound {
  received: boolean
  messages: { message_id: string; conversation_id: string; contact_id: string; duplicate: boolean }[]
}

const whatsappBody = (name = `WhatsApp ${unique()}`) => ({
  type: 'whatsapp',
  name,
  settings: { phone_number_id: PHONE_NUMBER_ID, waba_id: '102290129340398' },
  credentials: { access_token: ACCESS_TOKEN, app_secret: APP_SECRET },
})

/** A WhatsApp Cloud API delivery of one text message, as Meta sends it. */
function whatsappDelivery(
  text: { from: string; name: string; wamid: string; body: string },
  phoneNumberId = PHONE_NUMBER_ID,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: text.name }, wa_id: text.from }],
              messages: [
                {
                  from: text.from,
                  id: text.wamid,
                  timestamp: '1767225600',
                  type: 'text',
                  text: { body: text.body },
                },
              ],
            },
          },
        ],
      },
    ],
  }
}

export function registerChannelsContract(target: Target): void {
  /** One member per role in a new org. */
  async function newOrg(): Promise<Record<Role, Session>> {
    const slug = `ch-${unique()}`
    const members = {} as Record<Role, Session>
    for (const role of roles) members[role] = await devSession(target, role, slug)
    return members
  }

  const create = async (s: Session, body: unknown): Promise<Channel> =>
    (await createRow(target, s.access_token, 'channels', body)) as Channel

  const get = async <T = CreatedRow>(s: Session, path: string): Promise<T[]> =>
    expectJson<T[]>(await send(target, path, { token: s.access_token }), 200)

  const write = (s: Session, method: string, query: string, body?: unknown) =>
    send(target, `${CHANNELS}${query}`, {
      method,
      token: s.access_token,
      body,
      headers: { Prefer: 'return=representation' },
    })

  /** A signed Meta delivery to `channel`'s inbound URL (`secret` signs, unless a header is given). */
  const deliver = async (
    channel: Channel,
    payload: unknown,
    opts: { secret?: string; signature?: string } = {},
  ) => {
    const body = JSON.stringify(payload)
    const signature = opts.signature ?? (await hubSignature(body, opts.secret ?? APP_SECRET))
    return send(target, `${INBOUND}/${channel.id}`, {
      method: 'POST',
      body,
      headers: signature === '' ? {} : { 'X-Hub-Signature-256': signature },
    })
  }

  /** Everything an inbound message can write in `s`'s org, to prove that nothing was. */
  const inbox = async (s: Session) => ({
    contacts: await get(s, '/rest/v1/contacts?select=id&order=id'),
    conversations: await get(s, '/rest/v1/conversations?select=id&order=id'),
    messages: await get(s, '/rest/v1/messages?select=id&order=id'),
  })

  describe('Channels: per-type fields, secret credentials, roles and tenancy', () => {
    let a: Record<Role, Session>
    let b: Record<Role, Session>
    beforeAll(async () => {
      a = await newOrg()
      b = await newOrg()
    })

    it('an admin saves a WhatsApp channel: 201 with its inbound URL and a verify token, never a credential', async () => {
      const res = await write(a.admin, 'POST', '', whatsappBody('Support WhatsApp'))
      const text = await res.text()
      expect(res.status, text).toBe(201)
      expect(text).not.toContain(ACCESS_TOKEN)
      expect(text).not.toContain(APP_SECRET)
      const [channel] = JSON.parse(text) as Channel[]
      expect(channel).toMatchObject({
        type: 'whatsapp',
        name: 'Support WhatsApp',
        enabled: true,
        settings: { phone_number_id: PHONE_NUMBER_ID, waba_id: '102290129340398' },
        credential_keys: ['access_token', 'app_secret'],
        inbound_token: null,
        last_check: null,
        created_by: a.admin.user_id,
      })
      expect(channel).not.toHaveProperty('credentials')
      expect(channel?.id).toMatch(/^chn_/)
      expect(channel?.verify_token).toMatch(/^cgvt_[\w-]{43}$/)
      expect(new URL(String(channel?.inbound_url)).pathname).toBe(`${INBOUND}/${channel?.id}`)
    })

    it("each type's fields are checked: a missing or malformed one is 400 naming it, and nothing is written", async () => {
      const before = await get(a.owner, CHANNELS)
      const { credentials: _c, ...noCredentials } = whatsappBody()
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...whatsappBody(), credentials: { app_secret: APP_SECRET } }, '22P02', 'credentials.access_token'],
        [noCredentials, '22P02', 'credentials.access_token'],
        [noCredentials, '22P02', 'credentials.app_secret'],
        [{ ...whatsappBody(), settings: { waba_id: '1' } }, '22P02', 'settings.phone_number_id'],
        [
          { ...whatsappBody(), settings: { phone_number_id: '+1 555', waba_id: '1' } },
          '22P02',
          'settings.phone_number_id',
        ],
        [
          { type: 'telegram', name: 'Bot', credentials: { bot_token: 'not-a-token' } },
          '22P02',
          'credentials.bot_token',
        ],
        [
          { type: 'sms', name: 'SMS', settings: { from_number: '555-0100' }, credentials: {} },
          '22P02',
          'settings.from_number',
        ],
        [{ type: 'fax', name: 'Fax' }, '22P02', 'type'],
        [
          { type: 'website', name: 'Site', credentials: { password: 'x' } },
          'PGRST204',
          'credentials.password',
        ],
        [
          { type: 'api', name: 'Backend', credentials: { inbound_token: 'mine' } },
          'PGRST204',
          'credentials.inbound_token',
        ],
      ]
      for (const [body, code, field] of cases) {
        await expectError(await write(a.admin, 'POST', '', body), { status: 400, code, field })
      }
      expect(await get(a.owner, CHANNELS)).toEqual(before)
    })

    it('credentials are never readable: not with select=*, not by name (400), not in filters or the audit log', async () => {
      const channel = await create(a.admin, whatsappBody())
      const all = await (await send(target, `${CHANNELS}?select=*`, { token: a.owner.access_token })).text()
      expect(all).not.toContain(ACCESS_TOKEN)
      for (const row of JSON.parse(all) as Record<string, unknown>[])
        expect(row).not.toHaveProperty('credentials')
      for (const query of [
        'select=credentials',
        'select=id,credentials',
        'credentials=is.null',
        'credentials=eq.x',
        'order=credentials',
        'or=(credentials.is.null,name.eq.x)',
      ]) {
        const error = await expectError(
          await send(target, `${CHANNELS}?${query}`, { token: a.owner.access_token }),
          UNKNOWN_COLUMN,
        )
        expect(String(error.hint)).not.toContain('credentials,')
      }
      const audit = await (
        await send(target, `/rest/v1/audit_log?resource=eq.channels&row_id=eq.${channel.id}`, {
          token: a.owner.access_token,
        })
      ).text()
      expect(audit).not.toContain(ACCESS_TOKEN)
      expect(audit).not.toContain(APP_SECRET)
      const [entry] = JSON.parse(audit) as { action: string; after: Record<string, unknown> }[]
      expect(entry).toMatchObject({ action: 'insert', after: { credentials: REDACTED } })
    })

    it('a PATCH replaces exactly the credentials it names (null removes one), merges settings; the type is fixed', async () => {
      const channel = await create(a.admin, whatsappBody())
      const patch = async (body: unknown) => {
        const res = await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, body)
        const text = await res.text()
        expect(res.status, text).toBe(200)
        expect(text).not.toContain('EAAGnew')
        return (JSON.parse(text) as Channel[])[0] as Channel
      }
      expect(
        (await patch({ credentials: { access_token: 'EAAGnewTOKEN0123456789' } })).credential_keys,
      ).toEqual(['access_token', 'app_secret'])
      const merged = await patch({ settings: { waba_id: '999' } })
      expect(merged.settings).toEqual({ phone_number_id: PHONE_NUMBER_ID, waba_id: '999' })
      expect((await patch({ credentials: { app_secret: null } })).credential_keys).toEqual(['access_token'])
      const unchanged = (await get<Channel>(a.owner, `${CHANNELS}?id=eq.${channel.id}`))[0]
      await expectError(await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, { type: 'telegram' }), {
        status: 400,
        code: 'PGRST204',
        field: 'type',
        message: /cannot be changed/,
      })
      await expectError(
        await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, { settings: { phone_number_id: null } }),
        {
          ...INVALID,
          field: 'settings.phone_number_id',
        },
      )
      await expectError(
        await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, { credentials: { bot_token: 'x' } }),
        {
          status: 400,
          code: 'PGRST204',
          field: 'credentials.bot_token',
        },
      )
      await expectError(
        await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, {
          credentials: { access_token: 'has spaces' },
        }),
        { ...INVALID, field: 'credentials.access_token' },
      )
      expect((await get<Channel>(a.owner, `${CHANNELS}?id=eq.${channel.id}`))[0]).toEqual(unchanged)
    })

    it('the API channel: its generated inbound token is in the answer of the POST that made it, and never again', async () => {
      const channel = await create(a.admin, { type: 'api', name: 'Backend' })
      expect(channel.inbound_token).toMatch(/^cgin_[\w-]{43}$/)
      expect(channel).toMatchObject({ credential_keys: ['inbound_token'], verify_token: null, settings: {} })
      const [read] = await get<Channel>(a.owner, `${CHANNELS}?id=eq.${channel.id}`)
      expect(read?.inbound_token).toBeNull()
      const listed = await (await send(target, CHANNELS, { token: a.owner.access_token })).text()
      expect(listed).not.toContain(String(channel.inbound_token))
      const [patched] = (await expectJson<Channel[]>(
        await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, { name: 'Backend 2' }),
        200,
      )) as Channel[]
      expect(patched?.inbound_token).toBeNull()
    })

    it('agents, project managers and team admins read id, type, name and enabled only; other columns are 400 to them', async () => {
      const channel = await create(a.admin, whatsappBody('Seen by all'))
      for (const role of ['agent', 'project_manager', 'team_admin'] as const) {
        for (const query of [`?id=eq.${channel.id}`, `?id=eq.${channel.id}&select=*`]) {
          expect(await get(a[role], `${CHANNELS}${query}`)).toEqual([
            { id: channel.id, type: 'whatsapp', name: 'Seen by all', enabled: true },
          ])
        }
        for (const query of [
          'select=id,settings',
          'select=verify_token',
          'select=inbound_url',
          'settings=is.null',
          'order=created_at',
        ]) {
          const error = await expectError(
            await send(target, `${CHANNELS}?${query}`, { token: a[role].access_token }),
            UNKNOWN_COLUMN,
          )
          expect(error.hint).toBe('Readable columns: id, type, name, enabled')
        }
        expect(
          await get(a[role], `${CHANNELS}?type=eq.whatsapp&enabled=is.true&select=name&order=name`),
        ).toEqual(expect.arrayContaining([{ name: 'Seen by all' }]))
      }
      for (const role of ['owner', 'admin'] as const) {
        const [row] = await get(a[role], `${CHANNELS}?id=eq.${channel.id}`)
        expect(row).toHaveProperty('verify_token', channel.verify_token)
      }
    })

    it('only owners and admins write: 403 to the other roles, nothing written', async () => {
      const channel = await create(a.owner, whatsappBody())
      const before = await get(a.owner, CHANNELS)
      for (const role of ['agent', 'project_manager', 'team_admin'] as const) {
        await expectError(await write(a[role], 'POST', '', whatsappBody()), DENIED)
        await expectError(await write(a[role], 'PATCH', `?id=eq.${channel.id}`, { enabled: false }), DENIED)
        await expectError(await write(a[role], 'DELETE', `?id=eq.${channel.id}`), DENIED)
        await expectError(
          await send(target, '/functions/v1/test-channel', {
            method: 'POST',
            token: a[role].access_token,
            body: { id: channel.id },
          }),
          DENIED,
        )
      }
      expect(await get(a.owner, CHANNELS)).toEqual(before)
    })

    it("another org's channel does not exist: empty lists, writes that touch nothing, test-channel 404", async () => {
      const channel = await create(a.admin, whatsappBody())
      const [before] = await get(a.owner, `${CHANNELS}?id=eq.${channel.id}`)
      for (const role of roles) expect(await get(b[role], `${CHANNELS}?id=eq.${channel.id}`)).toEqual([])
      expect(
        await expectJson(await write(b.admin, 'PATCH', `?id=eq.${channel.id}`, { name: 'Mine' }), 200),
      ).toEqual([])
      expect(await expectJson(await write(b.admin, 'DELETE', `?id=eq.${channel.id}`), 200)).toEqual([])
      await expectError(
        await send(target, '/functions/v1/test-channel', {
          method: 'POST',
          token: b.admin.access_token,
          body: { id: channel.id },
        }),
        { ...MISSING, field: 'id' },
      )
      expect((await get(a.owner, `${CHANNELS}?id=eq.${channel.id}`))[0]).toEqual(before)
    })
  })

  describe('Channels inbound: the handshake, signed deliveries, WhatsApp messages, the API channel', () => {
    let a: Record<Role, Session>
    let whatsapp: Channel
    let api: Channel
    beforeAll(async () => {
      a = await newOrg()
      whatsapp = await create(a.admin, whatsappBody())
      api = await create(a.admin, { type: 'api', name: `Backend ${unique()}` })
    })

    const handshake = (id: string, params: Record<string, string>) =>
      send(target, `${INBOUND}/${id}?${new URLSearchParams(params)}`)

    it("Meta's handshake answers hub.challenge as text for the channel's verify token; a wrong one is 403", async () => {
      const ok = await handshake(whatsapp.id, {
        'hub.mode': 'subscribe',
        'hub.verify_token': String(whatsapp.verify_token),
        'hub.challenge': '1158201444',
      })
      expect(ok.status).toBe(200)
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(await ok.text()).toBe('1158201444')
      const refused: Record<string, string>[] = [
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'cgvt_wrong', 'hub.challenge': '1' },
        { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
        {
          'hub.mode': 'unsubscribe',
          'hub.verify_token': String(whatsapp.verify_token),
          'hub.challenge': '1',
        },
      ]
      for (const params of refused) await expectError(await handshake(whatsapp.id, params), DENIED)
      const params = { 'hub.mode': 'subscribe', 'hub.verify_token': 'x', 'hub.challenge': '1' }
      await expectError(await handshake(api.id, params), MISSING)
      await expectError(await handshake('chn_doesnotexist', params), MISSING)
    })

    it('a delivery with a missing, malformed or wrong signature is 401 and writes nothing', async () => {
      const payload = whatsappDelivery({
        from: '34600999000',
        name: 'Mallory',
        wamid: `wamid.${unique()}`,
        body: 'Hi',
      })
      const before = await inbox(a.owner)
      const other = await hubSignature('{"other":"body"}', APP_SECRET)
      for (const opts of [
        { signature: '' },
        { signature: 'sha256=abc' },
        { secret: 'not-the-app-secret' },
        { signature: other },
      ]) {
        await expectError(await deliver(whatsapp, payload, opts), { status: 401, code: 'PGRST301' })
      }
      expect(await inbox(a.owner)).toEqual(before)
    })

    it('a WhatsApp text message becomes a contact by phone, an open conversation on the channel and an incoming message', async () => {
      const wamid = `wamid.HBgL${unique()}`
      const res = await deliver(
        whatsapp,
        whatsappDelivery({ from: '34600111222', name: 'Ana García', wamid, body: 'Hola, ¿mi pedido?' }),
      )
      const answer = await expectJson<Inbound>(res, 200)
      expect(answer).toMatchObject({ received: true, messages: [{ duplicate: false }] })
      const [delivered] = answer.messages
      const [contact] = await get(a.agent, `/rest/v1/contacts?phone=eq.${encodeURIComponent('+34600111222')}`)
      expect(contact).toMatchObject({
        id: delivered?.contact_id,
        name: 'Ana García',
        phone: '+34600111222',
        created_by: null,
      })
      const [conversation] = await get(a.agent, `/rest/v1/conversations?channel_id=eq.${whatsapp.id}`)
      expect(conversation).toMatchObject({
        id: delivered?.conversation_id,
        contact_id: contact?.id,
        status: 'open',
      })
      expect(await get(a.agent, `/rest/v1/messages?conversation_id=eq.${conversation?.id}`)).toEqual([
        expect.objectContaining({
          id: delivered?.message_id,
          direction: 'incoming',
          content: 'Hola, ¿mi pedido?',
          external_id: wamid,
        }),
      ])
      // Written through the registry like any write: each row has its audit entry, by the channel.
      const audit = await get<{ resource: string; actor_type: string; actor_id: string }>(
        a.owner,
        `/rest/v1/audit_log?row_id=in.(${delivered?.contact_id},${delivered?.conversation_id},${delivered?.message_id})`,
      )
      expect(audit.map((e) => [e.resource, e.actor_type, e.actor_id]).sort()).toEqual([
        ['contacts', 'api_key', whatsapp.id],
        ['conversations', 'api_key', whatsapp.id],
        ['messages', 'api_key', whatsapp.id],
      ])

      // A repeat of the same wamid (Meta retries) is acknowledged and ignored.
      const before = await inbox(a.owner)
      const repeat = await expectJson<Inbound>(
        await deliver(
          whatsapp,
          whatsappDelivery({ from: '34600111222', name: 'Ana García', wamid, body: 'Hola, ¿mi pedido?' }),
        ),
        200,
      )
      expect(repeat.messages).toEqual([{ ...delivered, duplicate: true }])
      expect(await inbox(a.owner)).toEqual(before)

      // A new message from her joins the open conversation.
      const next = await expectJson<Inbound>(
        await deliver(
          whatsapp,
          whatsappDelivery({ from: '34600111222', name: 'Ana', wamid: `wamid.${unique()}`, body: '¿Hola?' }),
        ),
        200,
      )
      expect(next.messages[0]).toMatchObject({ contact_id: contact?.id, conversation_id: conversation?.id })
      expect(await get(a.agent, `/rest/v1/messages?conversation_id=eq.${conversation?.id}`)).toHaveLength(2)
    })

    it("other deliveries are acknowledged and ignored: statuses, non-text messages, another number's messages", async () => {
      const before = await inbox(a.owner)
      const image = whatsappDelivery({
        from: '34600222333',
        name: 'Bo',
        wamid: `wamid.${unique()}`,
        body: 'x',
      })
      const value = image.entry[0]?.changes[0]?.value as Record<string, unknown>
      value.messages = [{ from: '34600222333', id: `wamid.${unique()}`, type: 'image', image: { id: '1' } }]
      const statuses = {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.1', status: 'read' }] } }],
          },
        ],
      }
      const elsewhere = whatsappDelivery(
        { from: '34600222333', name: 'Bo', wamid: `wamid.${unique()}`, body: 'Hi' },
        '999',
      )
      for (const payload of [image, statuses, elsewhere, { object: 'page', entry: [] }]) {
        expect(await expectJson<Inbound>(await deliver(whatsapp, payload), 200)).toEqual({
          received: true,
          messages: [],
        })
      }
      expect(await inbox(a.owner)).toEqual(before)
    })

    it('the API channel takes {contact, content} with its inbound token: 201; the contact is found again by email', async () => {
      const post = (body: unknown, token = String(api.inbound_token)) =>
        send(target, `${INBOUND}/${api.id}`, { method: 'POST', token, body })
      const email = `ana-${unique()}@example.com`
      const first = await expectJson<Inbound>(
        await post({
          contact: { name: 'Ana API', email },
          content: 'Where is my order?',
          external_id: 'ord-1042-1',
        }),
        201,
      )
      const [delivered] = first.messages
      const [contact] = await get(a.agent, `/rest/v1/contacts?id=eq.${delivered?.contact_id}`)
      expect(contact).toMatchObject({ name: 'Ana API', email })
      const [conversation] = await get(a.agent, `/rest/v1/conversations?id=eq.${delivered?.conversation_id}`)
      expect(conversation).toMatchObject({ channel_id: api.id, status: 'open' })
      const again = await expectJson<Inbound>(
        await post({ contact: { email: email.toUpperCase() }, content: 'Hello?' }),
        201,
      )
      expect(again.messages[0]).toMatchObject({ contact_id: contact?.id, conversation_id: conversation?.id })
      const repeat = await expectJson<Inbound>(
        await post({
          contact: { name: 'Ana API', email },
          content: 'Where is my order?',
          external_id: 'ord-1042-1',
        }),
        200,
      )
      expect(repeat.messages).toEqual([{ ...delivered, duplicate: true }])

      const before = await inbox(a.owner)
      await expectError(await post({ contact: { email }, content: 'x' }, 'cgin_wrong'), {
        status: 401,
        code: 'PGRST301',
      })
      await expectError(
        await send(target, `${INBOUND}/${api.id}`, {
          method: 'POST',
          body: { contact: { email }, content: 'x' },
        }),
        { status: 401, code: 'PGRST301' },
      )
      await expectError(await post({ contact: { name: 'Nobody' }, content: 'x' }), {
        ...INVALID,
        field: 'contact.email',
      })
      await expectError(await post({ contact: { email }, content: '  ' }), { ...INVALID, field: 'content' })
      expect(await inbox(a.owner)).toEqual(before)
    })

    it('a disabled channel answers 404 to the handshake and to deliveries; a website channel takes none', async () => {
      const meta = await create(a.admin, whatsappBody())
      const backend = await create(a.admin, { type: 'api', name: `Off ${unique()}` })
      for (const channel of [meta, backend]) {
        const res = await write(a.admin, 'PATCH', `?id=eq.${channel.id}`, { enabled: false })
        expect(res.status).toBe(200)
      }
      const before = await inbox(a.owner)
      await expectError(
        await handshake(meta.id, {
          'hub.mode': 'subscribe',
          'hub.verify_token': String(meta.verify_token),
          'hub.challenge': '1',
        }),
        MISSING,
      )
      await expectError(
        await deliver(
          meta,
          whatsappDelivery({ from: '34600333444', name: 'C', wamid: `wamid.${unique()}`, body: 'Hi' }),
        ),
        MISSING,
      )
      await expectError(
        await send(target, `${INBOUND}/${backend.id}`, {
          method: 'POST',
          token: String(backend.inbound_token),
          body: { contact: { email: 'c@example.com' }, content: 'Hi' },
        }),
        MISSING,
      )
      const website = await create(a.admin, { type: 'website', name: 'Site' })
      await expectError(
        await send(target, `${INBOUND}/${website.id}`, { method: 'POST', body: { text: 'Hi' } }),
        MISSING,
      )
      expect(await inbox(a.owner)).toEqual(before)
    })
  })
}
