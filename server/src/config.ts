import { z } from 'zod';
import { TrustProxySchema } from './lib/trust-proxy';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/engawa.db'),
  /** smtp://user:pass@host:port — unset means mail stays queued in the outbox until it is set. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('engawa <no-reply@engawa.example.jp>'),
  /**
   * How long to wait for the relay's greeting and for each answer (notably the 250 after the
   * message). Longer than the slowest relay: a timeout after the message was sent leaves it
   * "unconfirmed" and it is resent (same Message-ID).
   */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Operator's address for platform alerts (engawa could not hear the boxes); unset: console only. */
  OPERATOR_EMAIL: z.email().optional(),
  /**
   * A platform-wide silence: fewer than this share of the boxes usually heard at this time of day
   * were heard in the last half hour...
   */
  WATCH_SILENCE_SHARE: z.coerce.number().gt(0).lt(1).default(0.5),
  /** ...counted only when at least this many are usually heard (a small or new service cannot tell). */
  WATCH_SILENCE_MIN_BOXES: z.coerce.number().int().min(1).default(20),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Secret for signed links in emails; must be set in production. */
  LINK_SECRET: z.string().min(16).default('engawa-demo-link-secret-change-me'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Seed the demo data when the database is empty and serve the demo picker at /demo (it lists the
   * staff password and box tokens), so it is off unless asked for (`npm start` asks).
   */
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * With SEED_DEMO: weeks of generated history before now (orders, flights, rides, presence,
   * alerts, closed months), so the boards show something on first start. 0 = none; `npm start`
   * asks for 8. Deterministic for a given start instant.
   */
  SEED_HISTORY_WEEKS: z.coerce.number().int().min(0).max(26).default(0),
  /** Run scheduled jobs in this process. */
  JOBS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Demo and test only: business time starts at this instant and then runs in real time
   * (e.g. 2026-11-24T01:00:00Z = a Tuesday 10:00 in Tokyo). Unset: the machine clock.
   */
  CLOCK_START: z.iso.datetime().optional(),
  /**
   * On SIGTERM/SIGINT: how long in-flight requests and a running job may take before the process
   * closes their sockets and exits anyway.
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (login limits key on it): a hop count
   * or a comma list of addresses/CIDRs. Unset: the header is ignored.
   */
  TRUST_PROXY: TrustProxySchema,
  /**
   * A reminder not confirmed this many minutes after its time is no longer shown full screen as if
   * due now (a medicine taken hours late, or twice, can hurt): it stays in the TV's お知らせ list,
   * marked as missed with its time.
   */
  WATCH_REMINDER_MISSED_AFTER_MINUTES: z.coerce.number().int().min(10).max(1440).default(120),
  /**
   * Raster tiles under the console's maps, e.g. 国土地理院's standard map
   * `https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png`. Unset: the offline sketch map of the
   * demo area that ships with engawa (the demo and the tests have no internet). The CSP's img-src
   * allows this URL's origin.
   */
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, 'an https URL with {z}, {x} and {y}')
    .optional(),
  /** The credit the tile provider asks for, shown on every map (地理院タイル for 国土地理院). */
  MAP_TILE_ATTRIBUTION: z.string().min(1).default('地理院タイル'),
  /**
   * The shared taxi's booking line and information page, published in the GTFS-Flex feed
   * (`/api/taxi/gtfs-flex.zip`) for journey planners; defaults: 伊那市役所's main line and site.
   */
  TAXI_BOOKING_PHONE: z.string().min(1).default('0265-78-4111'),
  TAXI_INFO_URL: z.string().url().default('https://www.inacity.jp/'),
  /** Serve the built TV app from this folder. */
  TV_APP_DIR: z.string().default('./tv-app/dist'),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment once at start; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...loadConfig({}),
  LOG_LEVEL: 'silent',
  SEED_DEMO: false,
  JOBS: false,
  ...overrides,
});
