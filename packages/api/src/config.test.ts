import { describe, expect, it } from 'vitest'
import { parseConfig } from './app.ts'
import { generateKey } from './features/api-keys/key-format.ts'

/** A P-256 key pair in base64url (the shapes web-push generates), for production configurations. */
const vapid = {
  VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}`,
  VAPID_PRIVATE_KEY: 'A'.repeat(43),
  VAPID_SUBJECT: 'mailto:ops@example.com',
}

const valid = {
  SESSION_SECRET: 's'.repeat(32),
  ENCRYPTION_KEY: btoa(String.fromCharCode(...new Uint8Array(32).fill(1))),
}

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const result = parseConfig(valid)
    expect(result).toEqual({
      ok: true,
      config: {
        ...valid,
        CG_MODE: 'demo',
        PORT: 8787,
        DATA_DIR: '.data',
        JOB_LEASE_SECONDS: 60,
        EMAIL_BOX_TIMEOUT_SECONDS: 10,
        PUSH_URL_TEMPLATE: '/?conversation={conversation_id}',
        INVITE_URL_TEMPLATE: '/?invite={token}',
        META_GRAPH_URL: 'https://graph.facebook.com/v23.0',
        TELEGRAM_API_URL: 'https://api.telegram.org',
        TWILIO_API_URL: 'https://api.twilio.com',
        CHANNEL_CHECK_TIMEOUT_MS: 10_000,
      },
    })
  })

  it("reads the providers' base URLs without a trailing slash, naming one that is not an http(s) URL", () => {
    const local = parseConfig({
      ...valid,
      META_GRAPH_URL: 'http://127.0.0.1:9000/v23.0/',
      TWILIO_API_URL: 'http://127.0.0.1:9001',
    })
    expect(local.ok && [local.config.META_GRAPH_URL, local.config.TWILIO_API_URL]).toEqual([
      'http://127.0.0.1:9000/v23.0',
      'http://127.0.0.1:9001',
    ])
    const bad = parseConfig({
      ...valid,
      TELEGRAM_API_URL: 'api.telegram.org',
      CHANNEL_CHECK_TIMEOUT_MS: '10',
    })
    expect(bad.ok ? [] : bad.errors).toEqual([
      'TELEGRAM_API_URL: must be an http(s) URL without a query, such as https://graph.facebook.com/v23.0',
      'CHANNEL_CHECK_TIMEOUT_MS: Too small: expected number to be >=50',
    ])
  })

  it('SMTP_URL needs MAIL_FROM, and must be an smtp(s) URL', () => {
    const noFrom = parseConfig({ ...valid, SMTP_URL: 'smtp://mail.example.com:587' })
    expect(noFrom.ok ? [] : noFrom.errors).toEqual(['MAIL_FROM: is required when SMTP_URL is set'])
    const bad = parseConfig({ ...valid, SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'A <a@example.com>' })
    expect(bad.ok ? [] : bad.errors).toEqual(['SMTP_URL: must be smtp://user:pass@host:port or smtps://…'])
  })

  it('production requires the VAPID keys and a subject that is not localhost', () => {
    const missing = parseConfig({ ...valid, CG_MODE: 'production' })
    expect(missing.ok ? [] : missing.errors).toEqual([
      'VAPID_PUBLIC_KEY: is required',
      'VAPID_PRIVATE_KEY: is required',
      'VAPID_SUBJECT: is required',
    ])
    const local = parseConfig({
      ...valid,
      ...vapid,
      CG_MODE: 'production',
      VAPID_SUBJECT: 'https://localhost:8787',
    })
    expect(local.ok ? [] : local.errors).toEqual([expect.stringMatching(/^VAPID_SUBJECT: .*localhost/)])
    expect(parseConfig({ ...valid, ...vapid, CG_MODE: 'production' }).ok).toBe(true)
    expect(parseConfig({ ...valid, CG_MODE: 'demo' }).ok).toBe(true)
  })

  it('reads WEBHOOK_RETRY_SCHEDULE and JOB_LEASE_SECONDS, naming them when malformed', () => {
    const result = parseConfig({ ...valid, WEBHOOK_RETRY_SCHEDULE: '5, 60,600', JOB_LEASE_SECONDS: '30' })
    expect(result.ok && result.config).toMatchObject({
      WEBHOOK_RETRY_SCHEDULE: [5, 60, 600],
      JOB_LEASE_SECONDS: 30,
    })
    const bad = parseConfig({ ...valid, WEBHOOK_RETRY_SCHEDULE: '5,soon', JOB_LEASE_SECONDS: '5' })
    expect(bad.ok ? [] : bad.errors).toEqual([
      expect.stringMatching(/^JOB_LEASE_SECONDS: /),
      expect.stringMatching(/^WEBHOOK_RETRY_SCHEDULE: must be whole seconds separated by commas/),
    ])
  })

  it('reads PUSH_URL_TEMPLATE: a path or an https URL, nothing else', () => {
    const result = parseConfig({
      ...valid,
      PUSH_URL_TEMPLATE: 'https://app.example.com/inbox/{conversation_id}',
    })
    expect(result.ok && result.config.PUSH_URL_TEMPLATE).toBe(
      'https://app.example.com/inbox/{conversation_id}',
    )
    const bad = parseConfig({ ...valid, PUSH_URL_TEMPLATE: 'javascript:alert(1)' })
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/^PUSH_URL_TEMPLATE: must be a path/)])
  })

  it('reads PORT, CG_MODE and DATABASE_URL', () => {
    const result = parseConfig({
      ...valid,
      ...vapid,
      PORT: '9000',
      CG_MODE: 'production',
      DATABASE_URL: 'libsql://db.example',
    })
    expect(result.ok && result.config).toMatchObject({
      PORT: 9000,
      CG_MODE: 'production',
      DATABASE_URL: 'libsql://db.example',
    })
  })

  it('names each missing variable', () => {
    const result = parseConfig({})
    expect(result).toEqual({
      ok: false,
      errors: ['SESSION_SECRET: is required', 'ENCRYPTION_KEY: is required'],
    })
  })

  it('treats an empty variable as missing', () => {
    expect(parseConfig({ ...valid, SESSION_SECRET: '' })).toEqual({
      ok: false,
      errors: ['SESSION_SECRET: is required'],
    })
  })

  it('names each malformed variable with what is expected', () => {
    const result = parseConfig({
      SESSION_SECRET: 'short',
      ENCRYPTION_KEY: btoa('sixteen bytes!!!'),
      PORT: 'eighty',
      CG_MODE: 'staging',
      DATABASE_URL: 'postgres://x',
    })
    expect(result.ok).toBe(false)
    const errors = result.ok ? [] : result.errors
    expect(errors).toHaveLength(5)
    for (const name of ['SESSION_SECRET', 'ENCRYPTION_KEY', 'PORT', 'CG_MODE', 'DATABASE_URL']) {
      expect(errors.some((e) => e.startsWith(`${name}: `))).toBe(true)
    }
    expect(errors.find((e) => e.startsWith('ENCRYPTION_KEY'))).toContain('32 random bytes in base64')
  })

  it('takes DEMO_API_KEY in the checksummed format, or (transitional) the legacy one; refuses a typo', () => {
    const key = generateKey()
    const legacy = `ak_${'A1b2'.repeat(8)}`
    for (const DEMO_API_KEY of [key, legacy]) {
      expect(parseConfig({ ...valid, DEMO_API_KEY })).toMatchObject({ ok: true, config: { DEMO_API_KEY } })
    }
    const typo = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`
    const result = parseConfig({ ...valid, DEMO_API_KEY: typo })
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/^DEMO_API_KEY: must be an API key/),
    ])
  })
})
