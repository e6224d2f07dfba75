/**
 * @module The baseline: a bare Hono app on @hono/node-server answering the same JSON as the API, doing no
 * other work. Every API figure is a ratio to this one, measured with the same Node in the same run.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const body = JSON.parse(process.env.BENCH_JSON ?? '[]')
const app = new Hono()
app.get('/health', (c) => c.json({ ok: true }))
app.get('/rest/v1/organizations', (c) => c.json(body))
app.patch('/rest/v1/organizations', async (c) => {
  await c.req.json() // a PATCH reads its body, whatever the server
  return c.json(body)
})
serve({ fetch: app.fetch, port: Number(process.env.PORT) })
