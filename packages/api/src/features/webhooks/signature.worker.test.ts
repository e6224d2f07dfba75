/** @module Signing and one delivery attempt inside workerd: `standardwebhooks` and the sender load and agree there. */
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { maxResponseBodyBytes, sendWebhook } from './send.ts'
import { checkWebhookSecret, generateWebhookSecret, signatureHeaders } from './signature.ts'

const userSecret = 'a user-entered secret of 40 characters!!'
const body = JSON.stringify({ type: 'contact.created', data: { name: 'Zoë' } })

describe('webhook signatures in workerd', () => {
  it('signs with both kinds of secret, and each verifies alone during a rotation', () => {
    const secret = generateWebhookSecret()
    expect(checkWebhookSecret(secret)).toEqual({ ok: true, kind: 'whsec' })
    const headers = signatureHeaders({
      id: 'msg_1',
      timestamp: new Date(),
      body,
      secrets: [secret, userSecret],
    })
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body))
    expect(new Webhook(userSecret, { format: 'raw' }).verify(body, { ...headers })).toEqual(JSON.parse(body))
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow()
  })

  it('sends a verifiable request and reads only the start of a large answer', async () => {
    const secret = generateWebhookSecret()
    const seen: Request[] = []
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init))
      const huge = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('z'.repeat(1000)))
        },
      })
      return new Response(huge, { status: 429, headers: { 'retry-after': '30' } })
    }) as typeof fetch
    const attempt = await sendWebhook(
      { url: 'https://hooks.example.com/in' },
      { id: 'msg_2', timestamp: new Date(), body },
      [secret],
      { mode: 'production', fetch: fakeFetch },
    )
    expect(attempt).toMatchObject({ ok: false, status_code: 429, retry_after_seconds: 30, gone: false })
    expect(attempt.response_body).toBe('z'.repeat(maxResponseBodyBytes))
    const [request] = seen
    expect(request?.redirect).toBe('manual')
    const received = await request!.text()
    expect(received).toBe(body)
    expect(new Webhook(secret).verify(received, Object.fromEntries(request!.headers))).toEqual(
      JSON.parse(body),
    )
  })
})
