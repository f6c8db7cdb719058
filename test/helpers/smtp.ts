import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server on loopback. Messages are parsed with mailparser into `inbox`.
 * `listen(port)` can reopen it on the same port after `close()` (outage tests).
 */
export async function startSmtpServer(port = 0) {
  const inbox: ParsedMail[] = [];
  let server: SMTPServer;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            inbox.push(mail);
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
