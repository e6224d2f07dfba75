/** @module What a person reads when a request fails: plain words by error code; the developer's detail goes to `cg-error`. */
import { msg } from '@lit/localize'
import type { ApiRequestError } from './client.ts'

/** The failure in the UI's language: never "JWT expired" or a URL. */
export function failureText({ code, status, message }: ApiRequestError): string {
  if (code.startsWith('token_') && code !== 'token_expired')
    return msg('Could not sign you in to settings.', { id: 'error.signin' })
  if (status === 401 || code === 'token_expired')
    return msg('Your session has expired. Reload the page to continue.', { id: 'error.session' })
  if (status === 403) return msg('Your role does not allow this.', { id: 'error.forbidden' })
  if (code === 'timeout')
    return msg('The server is taking too long to answer. Try again in a moment.', { id: 'error.timeout' })
  if (status === 0) return msg('Could not reach the server. Check your connection.', { id: 'kit.offline' })
  if (status >= 500 || code === 'bad_response')
    return msg('Something went wrong on the server. Try again later.', { id: 'error.server' })
  return message // the API's own words for what was wrong with the request (a conflict, a bad filter)
}

/** Whether asking again can help: the network, a slow or failing server, the tokenProvider; not a refusal. */
export const canRetry = ({ code, status }: ApiRequestError): boolean =>
  status >= 500 || code === 'network' || code === 'timeout' || code === 'token_provider'
