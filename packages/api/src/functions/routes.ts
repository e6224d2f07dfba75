/** @module `/functions/v1/{name}`: dispatches to a registered function after auth, permission and input checks. */
import { canCall } from '@connectgain/contracts'
import { Hono } from 'hono'
import { z } from 'zod'
import { inBackground } from '../background.ts'
import { ApiError } from '../errors.ts'
import { requireCaller } from '../middleware/auth.ts'
import { readJsonBody } from '../middleware/body.ts'
import type { Registry } from '../rest/registry.ts'
import { parseBody } from '../rest/validate.ts'
import type { AppEnv } from '../types.ts'
import type { FunctionDef } from './registry.ts'

export function functionRoutes(functions: readonly FunctionDef[], registry: Registry): Hono<AppEnv> {
  const byName = new Map(functions.map((f) => [f.name, f]))
  const app = new Hono<AppEnv>()
  app.all('/:name{.+}', async (c) => {
    const name = c.req.param('name')
    const fn = byName.get(name)
    if (!fn) {
      throw new ApiError('CG404', `Could not find the function '${name}'`, {
        hint: `Available functions: ${[...byName.keys()].join(', ')}`,
      })
    }
    const method = fn.method ?? 'POST'
    if (c.req.method !== method && !(method === 'GET' && c.req.method === 'HEAD')) {
      throw new ApiError('CG405', `Function '${name}' is called with ${method}`, {
        headers: { Allow: method },
      })
    }
    const caller = fn.auth === 'public' ? c.get('caller') : requireCaller(c)
    if (fn.auth === 'api_key' && caller?.kind !== 'api_key') {
      throw new ApiError('42501', `Function '${name}' must be called with an org API key`, {
        hint: 'Call it from your backend with "Authorization: Bearer ak_…"; never from a browser',
      })
    }
    if (fn.permission && caller && !canCall(caller.role, fn.permission)) {
      throw new ApiError('42501', `permission denied to call ${name}`, {
        hint: `The ${caller.role} role cannot call ${name}`,
      })
    }
    if (
      (fn.changesData || fn.disclosesSecret) &&
      caller?.kind === 'api_key' &&
      caller.scope === 'read_only'
    ) {
      throw new ApiError('42501', `permission denied to call ${name}: this API key's scope is read_only`, {
        hint: `${name} ${fn.changesData ? 'changes data' : 'answers a secret'}; call it with an API key whose scope is full`,
      })
    }
    const body = method === 'GET' ? {} : await readJsonBody(c)
    const input = parseBody(fn.input, body, name, { noun: 'field' })
    const output = z.parse(
      fn.output,
      await fn.handler(input, {
        deps: c.get('deps'),
        registry,
        url: c.req.url,
        background: (work) => inBackground(c, work),
        caller,
      }),
    )
    return c.json(output, fn.status ?? 200)
  })
  return app
}
