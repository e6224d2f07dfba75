/** @module Contract: the domain resources as a help desk uses them: an agent's contact, conversation and messages; assignees of the org only. */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createRow,
  devSession,
  expectError,
  expectJson,
  ORG_B,
  type CreatedRow as Row,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

export function registerDomainContract(target: Target): void {
  describe('Domain: contacts, conversations and messages', () => {
    let agent: Session
    let admin: Session
    let agentB: Session
    beforeAll(async () => {
      agent = await devSession(target, 'agent')
      admin = await devSession(target, 'admin')
      agentB = await devSession(target, 'agent', ORG_B)
    })
    const post = (s: Session, resource: string, body: unknown): Promise<Row> =>
      createRow(target, s.access_token, resource, body)

    it('an agent records a contact, opens a conversation assigned to an admin, and writes to it', async () => {
      const contact = await post(agent, 'contacts', { name: `Ana ${unique()}`, phone: '+34600111222' })
      const conversation = await post(agent, 'conversations', {
        contact_id: contact.id,
        subject: 'Refund',
        assignee_id: admin.user_id,
      })
      expect(conversation).toMatchObject({
        status: 'open',
        assignee_id: admin.user_id,
        created_by: agent.user_id,
      })
      const message = await post(agent, 'messages', {
        conversation_id: conversation.id,
        content: 'On its way',
      })
      expect(message).toMatchObject({ direction: 'outgoing', content: 'On its way' })
      const thread = await expectJson<Row[]>(
        await send(target, `/rest/v1/messages?conversation_id=eq.${conversation.id}`, {
          token: admin.access_token,
        }),
        200,
      )
      expect(thread.map((m) => m.id)).toEqual([message.id])
      expect(
        await expectJson<Row[]>(
          await send(target, `/rest/v1/messages?conversation_id=eq.${conversation.id}`, {
            token: agentB.access_token,
          }),
          200,
        ),
      ).toEqual([])
    })

    it("a conversation cannot be assigned to another org's member → 409 23503 naming assignee_id", async () => {
      const contact = await post(agent, 'contacts', { name: `Bo ${unique()}` })
      await expectError(
        await send(target, '/rest/v1/conversations', {
          method: 'POST',
          token: agent.access_token,
          body: { contact_id: contact.id, assignee_id: agentB.user_id },
        }),
        { status: 409, code: '23503', field: 'assignee_id' },
      )
    })

    it('bad input names its field: a phone that is not E.164, an email that is not one', async () => {
      for (const [body, field] of [
        [{ name: 'X', phone: '600 111 222' }, 'phone'],
        [{ name: 'X', email: 'not-an-email' }, 'email'],
        [{ name: '' }, 'name'],
      ] as const) {
        await expectError(
          await send(target, '/rest/v1/contacts', { method: 'POST', token: agent.access_token, body }),
          { status: 400, code: '22P02', field },
        )
      }
    })
  })
}
