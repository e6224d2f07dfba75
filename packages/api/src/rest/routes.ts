/** @module `/rest/v1/{resource}`: PostgREST-style CRUD over the registry, scoped to the caller's org (or own rows). */
import { Hono } from 'hono'
import type { AppEnv } from '../types.ts'
import { select } from './read.ts'
import type { Registry } from './registry.ts'
import { methodNotAllowed, resolve } from './request.ts'
import { insert, remove, update } from './write.ts'

export function restRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/:resource', (c) => select(resolve(c, registry, 'select')))
  app.post('/:resource', (c) => insert(resolve(c, registry, 'insert')))
  app.patch('/:resource', (c) => update(resolve(c, registry, 'update')))
  app.delete('/:resource', (c) => remove(resolve(c, registry, 'delete')))
  app.all('/:resource', (c) => {
    throw methodNotAllowed(resolve(c, registry, 'select').resource)
  })
  return app
}
