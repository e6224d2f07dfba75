/**
 * @module `tsx mail-servers-main.ts`: an IMAP and an SMTP server (plaintext, on 127.0.0.1) for the element's browser
 * tests, which cannot start servers themselves. Prints one JSON line, `{imap, smtp, username, password, messages}`,
 * and serves until killed.
 */
import { startImap, startSmtp } from './mail-servers.ts'

const login = { username: 'support@example.com', password: 'app-password' }
const messages = 3
const [imap, smtp] = await Promise.all([startImap({ ...login, messages }), startSmtp(login)])
console.log(JSON.stringify({ imap: imap.port, smtp: smtp.port, ...login, messages }))
const stop = () => void Promise.all([imap.close(), smtp.close()]).then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
