import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { settings } from '../../../db/src/schema';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const ServiceHoursSchema = z.object({
  /** ISO weekdays served, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)),
  start: hhmm,
  end: hhmm,
  /** Japanese national holidays are closed days. */
  closedOnHolidays: z.boolean(),
});
export type ServiceHours = z.infer<typeof ServiceHoursSchema>;

export const TaxiSettingsSchema = z.object({
  /** Hours of every area without its own entry. */
  hours: ServiceHoursSchema,
  /** Per area id: its own hours. */
  areaHours: z.record(z.string(), ServiceHoursSchema),
  /** A booking must be made this long before the requested time. */
  minNoticeMinutes: z.number().int().min(0).max(240),
  /** Width of the promised pickup window told to the resident. */
  pickupWindowMinutes: z.number().int().min(5).max(30),
  /** The driver may mark a no-show this long after the promised window opens. */
  noShowGraceMinutes: z.number().int().min(0).max(60),
  noShowCharged: z.boolean(),
  fares: z.object({
    /** Yen per rider per ride. */
    standard: z.number().int().min(0),
    licenceReturned: z.number().int().min(0),
    disabled: z.number().int().min(0),
    /** Subtracted per rider by booking channel (e.g. a cheaper TV booking). */
    channelDiscount: z.object({ tv: z.number().int().min(0), call_centre: z.number().int().min(0) }),
  }),
  /** Road distance ≈ straight line × this factor, driven at this speed (travel provider fallback). */
  roadFactor: z.number().min(1).max(3),
  speedKmh: z.number().min(5).max(80),
  /**
   * Budget of a re-optimisation inside the booking request (0 = answer straight after insertion;
   * improvement then happens in the background job).
   */
  reoptimizeMs: z.number().int().min(0).max(2000),
  /** Budget per area of the background improvement job (`taxi.improve`, every minute). */
  improveMs: z.number().int().min(0).max(5000),
});
export type TaxiSettings = z.infer<typeof TaxiSettingsSchema>;

export const defaultTaxiSettings: TaxiSettings = {
  hours: { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '15:00', closedOnHolidays: true },
  areaHours: {},
  minNoticeMinutes: 30,
  pickupWindowMinutes: 10,
  noShowGraceMinutes: 5,
  noShowCharged: false,
  fares: { standard: 500, licenceReturned: 250, disabled: 250, channelDiscount: { tv: 0, call_centre: 0 } },
  roadFactor: 1.4,
  speedKmh: 30,
  reoptimizeMs: 0,
  improveMs: 200,
};

const KEY = 'taxi';

/** The taxi rules: the stored settings row merged over the defaults (an operator may set only some). */
export function getTaxiSettings(db: DbOrTx): TaxiSettings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return defaultTaxiSettings;
  const stored = row.value as Partial<TaxiSettings>;
  return TaxiSettingsSchema.parse({
    ...defaultTaxiSettings,
    ...stored,
    fares: { ...defaultTaxiSettings.fares, ...stored.fares },
  });
}

export function saveTaxiSettings(db: DbOrTx, value: TaxiSettings, now: Date): void {
  const v = TaxiSettingsSchema.parse(value);
  db.insert(settings)
    .values({ key: KEY, value: v, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: v, updatedAt: now } })
    .run();
}
