import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SmtpServerOptions {
  /**
   * Runs after a message was received (it is in `inbox`) and before the relay answers: wait here
   * to play a slow relay, throw (with `responseCode`) to refuse the message.
   */
  beforeAnswer?: (mail: ParsedMail) => Promise<void> | void;
}

/**
 * A real SMTP server on loopback. Messages are parsed with mailparser into `inbox`.
 * `listen(port)` can reopen it on the same port after `close()` (outage tests).
 */
export async function startSmtpServer(port = 0, opts: SmtpServerOptions = {}) {
  const inbox: ParsedMail[] = [];
  let server: SMTPServer;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            inbox.push(mail);
            await opts.beforeAnswer?.(mail);
            callback();
          })
          .catch(callback);
      },
    });
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server = make();
      server.on('error', reject);
      server.listen(p, '127.0.0.1', () => {
        const addr = server.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : p);
      });
    });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const actualPort = await listen(port);
  return {
    inbox,
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}?ignoreTLS=true`,
    listen: () => listen(actualPort),
    close,
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtpServer>>;
