import nodemailer, { type Transporter } from 'nodemailer';

/** A nodemailer transport from `SMTP_URL` (smtp://user:pass@host:port); null when unset. */
export function createTransport(smtpUrl: string | undefined): Transporter | null {
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}
