/**
 * @module The parts of the OpenAPI document that examples.ts and code-samples.ts read and fill in, as structural
 * types: openapi.ts's document is one, and imports those modules without an import loop.
 */

export type JsonSchema = { [key: string]: unknown }
export type HttpMethod = 'get' | 'post' | 'patch' | 'delete'

export interface Media {
  schema: JsonSchema
  example?: unknown
}

export interface CodeSample {
  lang: string
  label: string
  source: string
}

export interface Operation {
  security?: unknown[]
  requestBody?: { content: Record<string, Media> }
  responses: Record<string, { content?: Record<string, Media> }>
  'x-codeSamples'?: CodeSample[]
}

export interface Document {
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>
  components: { schemas: Record<string, JsonSchema> }
}
