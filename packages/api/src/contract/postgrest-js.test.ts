/** @module The official client `@supabase/postgrest-js` against the app: reads, writes and errors as PostgREST users expect. */
import { PostgrestClient } from '@supabase/postgrest-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../test-utils/index.ts'

describe('@supabase/postgrest-js against the app', () => {
  let ctx: TestContext
  let orgId: string
  const original = { name: 'Acme Inc', slug: 'acme', timezone: 'UTC', currency: 'USD' }

  beforeAll(async () => {
    ctx = await createTestContext()
    orgId = ctx.orgA.id
  })
  afterAll(() => ctx.close())

  /** A client that sends `token` and reaches the app in-process instead of over the network. */
  const client = (token: string) =>
    new PostgrestClient('http://localhost/rest/v1', {
      fetch: async (input, init) => ctx.app.request(input instanceof Request ? input : String(input), init),
      headers: { Authorization: `Bearer ${token}` },
    })
  const asOwner = () => client(ctx.orgA.tokens.owner)

  describe('reads', () => {
    it('.select().eq().single() returns one object', async () => {
      const { data, error, status } = await asOwner()
        .from('organizations')
        .select('id,name,slug')
        .eq('id', orgId)
        .single()
      expect(error).toBeNull()
      expect(status).toBe(200)
      expect(data).toEqual({ id: orgId, name: original.name, slug: original.slug })
    })

    it(".select('*', { count: 'exact' }) counts the caller's one org", async () => {
      const { data, count, error } = await asOwner().from('organizations').select('*', { count: 'exact' })
      expect(error).toBeNull()
      expect(count).toBe(1)
      expect(data).toEqual([expect.objectContaining({ id: orgId, ...original })])
    })

    it('.maybeSingle() on a filter matching nothing gives null data and no error', async () => {
      const { data, error } = await asOwner()
        .from('organizations')
        .select()
        .eq('id', 'org_missing')
        .maybeSingle()
      expect(error).toBeNull()
      expect(data).toBeNull()
    })

    it('.single() on a filter matching nothing gives PGRST116 (406)', async () => {
      const { data, error, status } = await asOwner()
        .from('organizations')
        .select()
        .eq('id', 'org_missing')
        .single()
      expect(data).toBeNull()
      expect(status).toBe(406)
      expect(error?.code).toBe('PGRST116')
    })

    it("an unknown column in .select('nope') gives 42703", async () => {
      const { data, error, status } = await asOwner().from('organizations').select('nope')
      expect(data).toBeNull()
      expect(status).toBe(400)
      expect(error?.code).toBe('42703')
      expect(error?.message).toMatch(/nope/)
    })

    it("another org's client does not see org A", async () => {
      const { data, error } = await client(ctx.orgB.tokens.admin)
        .from('organizations')
        .select('id')
        .eq('id', orgId)
      expect(error).toBeNull()
      expect(data).toEqual([])
    })
  })

  describe('writes', () => {
    afterEach(async () => {
      const { error } = await asOwner().from('organizations').update(original).eq('id', orgId)
      expect(error).toBeNull()
    })

    it('.update().eq().select() returns the updated row', async () => {
      const changes = {
        name: 'My Company',
        slug: 'my-company',
        timezone: 'America/New_York',
        currency: 'EUR',
      }
      const { data, error, status } = await asOwner()
        .from('organizations')
        .update(changes)
        .eq('id', orgId)
        .select()
      expect(error).toBeNull()
      expect(status).toBe(200)
      expect(data).toEqual([expect.objectContaining({ id: orgId, ...changes })])
    })

    it('.update() without .select() succeeds with no data', async () => {
      const { data, error, status } = await asOwner()
        .from('organizations')
        .update({ name: 'Quiet' })
        .eq('id', orgId)
      expect(error).toBeNull()
      expect(status).toBe(204)
      expect(data).toBeNull()
    })

    it('a validation error on .update() gives 22P02 with details naming the field', async () => {
      const { data, error, status } = await asOwner()
        .from('organizations')
        .update({ slug: 'Not A Slug' })
        .eq('id', orgId)
        .select()
      expect(data).toBeNull()
      expect(status).toBe(400)
      expect(error?.code).toBe('22P02')
      expect(error?.details).toEqual([expect.objectContaining({ field: 'slug' })])
    })

    it('.insert() into organizations gives the 405 envelope', async () => {
      const { data, error, status } = await asOwner()
        .from('organizations')
        .insert({ name: 'New Co', slug: 'new-co' })
        .select()
      expect(data).toBeNull()
      expect(status).toBe(405)
      expect(error).toEqual({
        code: 'CG405',
        message: 'organizations does not support POST',
        details: null,
        hint: expect.stringMatching(/PATCH/),
      })
    })

    it('an agent gets 42501 (403) from .update()', async () => {
      const { error, status } = await client(ctx.orgA.tokens.agent)
        .from('organizations')
        .update({ name: 'Agent Co' })
        .eq('id', orgId)
      expect(status).toBe(403)
      expect(error?.code).toBe('42501')
    })
  })
})
