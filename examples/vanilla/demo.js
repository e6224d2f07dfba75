// The demo page's only script: get a session for the chosen role from the demo route, hand it to
// <cg-settings> through tokenProvider, and show the events the element fires. In production your
// backend mints the token with POST /functions/v1/sessions and its API key (docs/embedding.md).
const settings = document.getElementById('settings')
const role = document.getElementById('role')
const org = document.getElementById('org')
const locale = document.getElementById('locale')
const theme = document.getElementById('theme')
const events = document.getElementById('events')

async function devSession() {
  const body = org.value ? { role: role.value, org_slug: org.value } : { role: role.value }
  const res = await fetch('/functions/v1/dev/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`dev session: ${res.status}`)
  return (await res.json()).access_token
}

async function signIn() {
  settings.tokenProvider = devSession
  settings.token = await devSession()
}

for (const name of ['cg-saved', 'cg-navigate', 'cg-error']) {
  settings.addEventListener(name, (event) => {
    const item = document.createElement('li')
    item.textContent = `${name} ${JSON.stringify(event.detail)}`
    events.prepend(item)
  })
}
// An invitation link (?invite=…): accept it here, as a host app's backend would with its API key
// (POST /functions/v1/accept-invitation; demo mode also takes it without one), and sign in as the new member.
const invite = new URLSearchParams(location.search).get('invite')
const accept = document.getElementById('accept')
if (invite) {
  accept.hidden = false
  accept.addEventListener('submit', async (event) => {
    event.preventDefault()
    const res = await fetch('/functions/v1/accept-invitation', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: invite,
        email: document.getElementById('accept-email').value,
        name: document.getElementById('accept-name').value || undefined,
      }),
    })
    const answer = await res.json()
    if (!res.ok) {
      document.getElementById('accept-error').textContent = answer.message
      return
    }
    accept.hidden = true
    history.replaceState(null, '', location.pathname + location.hash)
    settings.tokenProvider = undefined
    settings.token = answer.access_token
  })
}

role.addEventListener('change', signIn)
org.addEventListener('change', signIn)
locale.addEventListener('change', () => settings.setAttribute('locale', locale.value))
theme.addEventListener('change', () => {
  settings.setAttribute('theme', theme.value)
  document.documentElement.dataset.theme = theme.value
})
if (!invite) signIn()
