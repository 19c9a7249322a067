import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the in-process SMTP server does with the next recipients: accept, refuse for good (550) or for now (451). */
export type SmtpBehaviour = (recipient: string) => 'accept' | 'reject' | 'defer';

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package), as a provider's would be: it takes a login,
 * accepts or refuses recipients as told, and keeps every message it received, parsed.
 */
export async function startSmtpServer(opts: { username?: string; password?: string } = {}) {
  const received: ParsedMail[] = [];
  let behaviour: SmtpBehaviour = () => 'accept';
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !opts.username,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === opts.username && auth.password === opts.password) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid login'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const what = behaviour(address.address);
      if (what === 'reject') return callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
      if (what === 'defer') return callback(Object.assign(new Error('4.7.1 Try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    behave: (b: SmtpBehaviour) => void (behaviour = b),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
