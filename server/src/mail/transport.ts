import nodemailer, { type Transporter } from 'nodemailer';

/**
 * A nodemailer transport from `SMTP_URL` (smtp://user:pass@host:port); null when unset.
 * `timeoutMs` (SMTP_TIMEOUT_SECONDS) bounds the wait for the greeting and for every answer; it
 * must be longer than the relay takes to accept a message, or accepted mail looks lost and is
 * resent.
 */
export function createTransport(smtpUrl: string | undefined, timeoutMs = 120_000): Transporter | null {
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
    connectionTimeout: Math.min(10_000, timeoutMs),
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}
