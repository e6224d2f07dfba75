/** @module The function registry: `/functions/v1/{name}` actions, zod-validated in and out. */
import type { FunctionName } from '@connectgain/contracts'
import type { z } from 'zod'
import type { Caller } from '../caller.ts'
import type { Deps } from '../deps.ts'
import type { Registry } from '../rest/registry.ts'

/**
 * Who may call: `public` needs no credentials; `api_key` needs an org API key (server-to-server);
 * `member` accepts a session or an API key. `permission` names the matrix entry the caller's role needs.
 */
export type FunctionAuth = 'public' | 'api_key' | 'member'

export interface FunctionContext<A extends FunctionAuth> {
  deps: Deps
  /** The resources the app serves: a function that writes rows commits them through the registry's hooks. */
  registry: Registry
  /** The request's URL: where links the function answers point (an invitation's, on this host by default). */
  url: string
  /** Runs work after the response (`waitUntil` on Workers): kicking the outbox after a commit. */
  background: (work: Promise<unknown>) => void
  caller: A extends 'public' ? Caller | null : Caller
}

export interface FunctionDef<
  I extends z.core.$ZodType = z.core.$ZodType,
  O extends z.core.$ZodType = z.core.$ZodType,
  A extends FunctionAuth = FunctionAuth,
> {
  name: string
  summary: string
  auth: A
  permission?: FunctionName
  /** Writes data: refused to a `read_only` API key. */
  changesData?: boolean
  /** Answers a secret (a webhook's signing secret): refused to a `read_only` API key as well. */
  disclosesSecret?: boolean
  /** Only registered in demo mode. */
  demoOnly?: boolean
  input: I
  output: O
  /** HTTP status of a success. */
  status?: 200 | 201
  /** `GET` for a read without input (`input` is then an empty object schema); `POST` by default. */
  method?: 'GET' | 'POST'
  handler(input: z.core.output<I>, ctx: FunctionContext<NoInfer<A>>): Promise<z.core.input<O>>
}

export function defineFunction<I extends z.core.$ZodType, O extends z.core.$ZodType, A extends FunctionAuth>(
  def: FunctionDef<I, O, A>,
): FunctionDef {
  return def as unknown as FunctionDef
}
