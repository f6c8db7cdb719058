import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { settings } from '../../../db/src/schema';
import { defaultWeatherRules, weatherRulesSchema } from './plan/decide-mode';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Drone base configuration, stored in `settings` under `drone`; missing keys take these defaults. */
export const DroneSettingsSchema = z.object({
  /** Goods reach the port after picking and the kei-car run; flights leave from then. */
  flightWindowStart: hhmm,
  /** Every flight is back at the port by then (daylight, the volunteer's round). */
  flightWindowEnd: hhmm,
  /** Landing, unloading and battery swap at the hall. */
  dwellMin: z.number().min(0).max(60),
  weather: weatherRulesSchema,
  /** A weather check older than this no longer clears a launch. */
  weatherCheckValidMin: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** Whether an airframe needs a passed daily inspection before it launches. */
  requireDailyInspection: z.boolean(),
  purpose: z.string().min(1),
  flightMethod: z.string().min(1),
});
export type DroneSettings = z.infer<typeof DroneSettingsSchema>;

export const DEFAULT_DRONE_SETTINGS: DroneSettings = {
  flightWindowStart: '13:00',
  flightWindowEnd: '17:00',
  dwellMin: 5,
  weather: defaultWeatherRules,
  weatherCheckValidMin: 60,
  requireDailyInspection: true,
  purpose: '物資輸送（ゆうあいマーケット）',
  flightMethod: '目視外飛行（補助者なし）',
};

export const DRONE_SETTINGS_KEY = 'drone';

export async function getDroneSettings(db: DbOrTx): Promise<DroneSettings> {
  const row = await db.select().from(settings).where(eq(settings.key, DRONE_SETTINGS_KEY)).get();
  if (!row) return DEFAULT_DRONE_SETTINGS;
  return DroneSettingsSchema.parse({ ...DEFAULT_DRONE_SETTINGS, ...(row.value as Partial<DroneSettings>) });
}

export async function saveDroneSettings(db: DbOrTx, value: DroneSettings, now: Date): Promise<void> {
  const parsed = DroneSettingsSchema.parse(value);
  await db
    .insert(settings)
    .values({ key: DRONE_SETTINGS_KEY, value: parsed, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed, updatedAt: now } })
    .run();
}

const toSec = (t: string) => {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
};

export function planSettingsOf(s: DroneSettings) {
  return {
    windowStartSec: toSec(s.flightWindowStart),
    windowEndSec: toSec(s.flightWindowEnd),
    dwellSec: Math.round(s.dwellMin * 60),
  };
}
