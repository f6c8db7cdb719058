import { z } from 'zod';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/engawa.db'),
  /** smtp://user:pass@host:port — unset means mail stays queued in the outbox until it is set. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('engawa <no-reply@engawa.example.jp>'),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Secret for signed links in emails; must be set in production. */
  LINK_SECRET: z.string().min(16).default('engawa-demo-link-secret-change-me'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo data when the database is empty. */
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
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
   * A reminder not confirmed this many minutes after its time is no longer shown full screen as if
   * due now (a medicine taken hours late, or twice, can hurt): it stays in the TV's お知らせ list,
   * marked as missed with its time.
   */
  WATCH_REMINDER_MISSED_AFTER_MINUTES: z.coerce.number().int().min(10).max(1440).default(120),
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
