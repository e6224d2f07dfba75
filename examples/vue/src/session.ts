// Where the element's session token comes from.
//
// Demo mode only: `npm start` offers POST /functions/v1/dev/session, a token for any role in the
// demo org. In production your backend mints the token with POST /functions/v1/sessions and its
// org API key (`Authorization: Bearer ak_…`, never shipped to the browser), and this function
// fetches it from your backend instead: see docs/embedding.md, "The tokenProvider flow".
export const roles = ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] as const
export type Role = (typeof roles)[number]

export async function devSession(apiUrl: string, role: Role): Promise<string> {
  const res = await fetch(`${apiUrl}/functions/v1/dev/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  })
  if (!res.ok) throw new Error(`dev session: ${res.status}`)
  const { access_token } = (await res.json()) as { access_token: string }
  return access_token
}
