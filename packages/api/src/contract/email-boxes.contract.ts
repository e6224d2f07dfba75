/**
 * @module Contract: email boxes (Beta). Owners and admins manage them; both passwords are write-only (answered as
 * `*_password_set`, kept by a PATCH without one, redacted in the audit log); another org's box does not exist.
 * `test-email-box` and `send-test-email` need the Node host: on workerd they answer 501, on Node they answer each
 * side's code (an unknown `.invalid` host here, so no mail server is needed). Each describe works in orgs of its own.
 */
import { type Role, roles } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
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

const BOXES = '/rest/v1/email_boxes'
const TEST = '/functions/v1/test-email-box'
const SEND = '/functions/v1/send-test-email'
const DENIED = { status: 403, code: '42501' }
const MISSING = { status: 404, code: 'CG404' }
/** The contract runs in the host's own runtime: workerd for the Worker's targets, Node for the others. */
const onWorkerd = globalThis.navigator?.userAgent === 'Cloudflare-Workers'

export function registerEmailBoxesContract(target: Target): void {
  async function newOrg(): Promise<Record<Role, Session>> {
    const slug = `eb-${unique()}`
    const members = {} as Record<Role, Session>
    for (const role of roles) members[role] = await devSession(target, role, slug)
    return members
  }

  const imapPassword = `imap-${unique()}`
  const smtpPassword = `smtp-${unique()}`
  const settings = {
    imap_host: 'imap.connectgain.invalid',
    imap_username: 'support@example.com',
    imap_password: imapPassword,
    smtp_host: 'smtp.connectgain.invalid',
    smtp_port: 587,
    smtp_security: 'starttls',
    smtp_username: 'support@example.com',
    smtp_password: smtpPassword,
  }

  const call = (s: Session, method: string, path: string, body?: unknown) =>
    send(target, path, { method, token: s.access_token, body, headers: { Prefer: 'return=representation' } })

  describe('Email boxes: write-only passwords, roles and the mail functions', () => {
    let a: Record<Role, Session>
    let b: Record<Role, Session>
    let box: CreatedRow
    beforeAll(async () => {
      a = await newOrg()
      b = await newOrg()
      box = await createRow(target, a.admin.access_token, 'email_boxes', {
        name: 'Support',
        email: 'support@example.com',
        ...settings,
      })
    })

    it('an admin saves a box: ports and security default, the passwords answer only as set', async () => {
      expect(box).toMatchObject({
        name: 'Support',
        imap_host: 'imap.connectgain.invalid',
        imap_port: 993,
        imap_security: 'tls',
        smtp_port: 587,
        smtp_security: 'starttls',
        imap_password_set: true,
        smtp_password_set: true,
        last_check: null,
        created_by: a.admin.user_id,
      })
      expect(box.id).toMatch(/^ebx_/)
      expect(box).not.toHaveProperty('imap_password')
      expect(box).not.toHaveProperty('smtp_password')
    })

    it('no read answers a password: not the list, select=*, a filter on one or the audit log', async () => {
      const texts = await Promise.all(
        [`${BOXES}?id=eq.${box.id}`, `${BOXES}?select=*`, '/rest/v1/audit_log?resource=eq.email_boxes'].map(
          async (path) => (await call(a.owner, 'GET', path)).text(),
        ),
      )
      for (const query of ['select=id,imap_password', `smtp_password=eq.${smtpPassword}`]) {
        await expectError(await call(a.owner, 'GET', `${BOXES}?${query}`), { status: 400, code: '42703' })
      }
      expect(texts[2]).toContain('"imap_password":"[redacted]"')
      for (const text of texts) {
        expect(text).toContain(box.id)
        expect(text).not.toContain(imapPassword)
        expect(text).not.toContain(smtpPassword)
      }
    })

    it('a PATCH without a password keeps it; a host with a scheme is 400 naming it', async () => {
      const [renamed] = await expectJson<CreatedRow[]>(
        await call(a.owner, 'PATCH', `${BOXES}?id=eq.${box.id}`, { name: 'Help desk' }),
        200,
      )
      expect(renamed).toMatchObject({ name: 'Help desk', imap_password_set: true, smtp_password_set: true })
      await expectError(
        await call(a.admin, 'PATCH', `${BOXES}?id=eq.${box.id}`, { smtp_host: 'smtp://mail.example.com' }),
        { status: 400, code: '22P02', field: 'smtp_host' },
      )
    })

    it('agents, project managers and team admins may not read, write or test boxes: 403', async () => {
      for (const role of ['agent', 'project_manager', 'team_admin'] as const) {
        await expectError(await call(a[role], 'GET', BOXES), DENIED)
        await expectError(
          await call(a[role], 'POST', BOXES, { name: 'X', email: 'x@example.com', ...settings }),
          DENIED,
        )
        await expectError(await call(a[role], 'POST', TEST, { id: box.id }), DENIED)
        await expectError(await call(a[role], 'POST', SEND, { id: box.id }), DENIED)
      }
    })

    it("another org's box does not exist for its owner: not listed, not changed, not deleted", async () => {
      expect(await expectJson<unknown[]>(await call(b.owner, 'GET', BOXES), 200)).toEqual([])
      expect(
        await expectJson<unknown[]>(
          await call(b.owner, 'PATCH', `${BOXES}?id=eq.${box.id}`, { name: 'Mine' }),
          200,
        ),
      ).toEqual([])
      expect(
        await expectJson<unknown[]>(await call(b.owner, 'DELETE', `${BOXES}?id=eq.${box.id}`), 200),
      ).toEqual([])
      expect(
        await expectJson<CreatedRow[]>(await call(a.owner, 'GET', `${BOXES}?id=eq.${box.id}`), 200),
      ).toEqual([expect.objectContaining({ id: box.id, name: 'Help desk' })])
    })

    if (onWorkerd) {
      it('on the Worker, test-email-box and send-test-email answer 501 naming the Node host', async () => {
        for (const [path, body] of [
          [TEST, { id: box.id }],
          [TEST, settings],
          [SEND, { id: box.id, to: 'ana@example.com' }],
        ] as const) {
          const error = await expectError(await call(a.admin, 'POST', path, body), {
            status: 501,
            code: 'CG501',
            message: /Node host/,
          })
          expect(error.hint).toMatch(/docs\/email-boxes\.md/)
        }
      })
    } else {
      it("test-email-box answers each side's code; testing a saved box stores it as last_check", async () => {
        const result = await expectJson<Record<string, { ok: boolean; code: string }>>(
          await call(a.admin, 'POST', TEST, { id: box.id }),
          200,
        )
        expect(result).toEqual({
          imap: expect.objectContaining({ ok: false, code: 'dns_failed' }),
          smtp: expect.objectContaining({ ok: false, code: 'dns_failed' }),
        })
        const [row] = await expectJson<CreatedRow[]>(
          await call(a.admin, 'GET', `${BOXES}?id=eq.${box.id}`),
          200,
        )
        expect(row?.last_check).toEqual({ ...result, at: expect.any(String) })
        expect(JSON.stringify(result)).not.toContain(imapPassword)
      })

      it('unsaved settings test before saving; send-test-email answers its code', async () => {
        expect(await expectJson(await call(a.owner, 'POST', TEST, settings), 200)).toEqual({
          imap: expect.objectContaining({ code: 'dns_failed' }),
          smtp: expect.objectContaining({ code: 'dns_failed' }),
        })
        expect(await expectJson(await call(a.admin, 'POST', SEND, { id: box.id }), 200)).toEqual(
          expect.objectContaining({ ok: false, code: 'dns_failed' }),
        )
      })

      it("another org's box is 404 to both functions", async () => {
        await expectError(await call(b.owner, 'POST', TEST, { id: box.id }), MISSING)
        await expectError(await call(b.owner, 'POST', SEND, { id: box.id, to: 'ana@example.com' }), MISSING)
      })
    }

    it('an admin deletes a box', async () => {
      const other = await createRow(target, a.owner.access_token, 'email_boxes', {
        name: `Old ${unique()}`,
        email: 'old@example.com',
        ...settings,
      })
      expect(
        await expectJson<CreatedRow[]>(await call(a.admin, 'DELETE', `${BOXES}?id=eq.${other.id}`), 200),
      ).toEqual([expect.objectContaining({ id: other.id })])
      expect(
        await expectJson<unknown[]>(await call(a.admin, 'GET', `${BOXES}?id=eq.${other.id}`), 200),
      ).toEqual([])
    })
  })
}
