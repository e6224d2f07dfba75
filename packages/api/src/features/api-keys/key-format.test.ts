import { describe, expect, it } from 'vitest'
import { crc32, generateKey, isWellFormedKey, KEY_PATTERN, keyDisplay } from './key-format.ts'

describe('API key format', () => {
  it('computes CRC-32 as zlib does', () => {
    expect(crc32('')).toBe(0)
    expect(crc32('123456789')).toBe(0xcbf43926) // the standard check value
    expect(crc32('hello world')).toBe(0x0d4a1185)
  })

  it('generates ak_ + 32 random + 6 checksum base62 characters, each key new and well formed', () => {
    const keys = Array.from({ length: 200 }, generateKey)
    expect(new Set(keys).size).toBe(200)
    for (const key of keys) {
      expect(key).toMatch(/^ak_[0-9A-Za-z]{38}$/)
      expect(KEY_PATTERN.test(`token=${key};`)).toBe(true)
      expect(isWellFormedKey(key)).toBe(true)
    }
  })

  it('refuses a typo, a truncation, a wrong prefix or alphabet, without a database', () => {
    const key = generateKey()
    const flipped = `${key.slice(0, 10)}${key[10] === 'a' ? 'b' : 'a'}${key.slice(11)}`
    for (const bad of [
      flipped,
      key.slice(0, -1),
      `${key}x`,
      key.replace('ak_', 'sk_'),
      `${key.slice(0, -1)}-`,
      '',
    ]) {
      expect(isWellFormedKey(bad), bad).toBe(false)
    }
  })

  it('shows only a short prefix and the last four characters', () => {
    const key = generateKey()
    const { prefix, last4 } = keyDisplay(key)
    expect(prefix).toBe(key.slice(0, 7))
    expect(last4).toBe(key.slice(-4))
  })
})
