import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { settings } from '../../../db/src/schema';
import { unprocessable } from '../lib/errors';

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

/** The stored shape; what may be saved is `TaxiSettingsSchema`, which adds the rules across fields. */
export const StoredTaxiSettingsSchema = z.object({
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
  /**
   * How far before the opening or after the closing a pickup or drop-off may be planned (a city
   * may allow an 08:50 pickup for a 09:00 appointment); 0 keeps every stop inside the hours.
   */
  serviceGraceMinutes: z.number().int().min(0).max(30),
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

/** Hours that leave no day or no time to ride would close the service without saying so. */
function checkHours(h: ServiceHours, path: (string | number)[], ctx: z.RefinementCtx) {
  if (h.weekdays.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'weekdays'],
      message: '運行する曜日を1つ以上選んでください',
    });
  if (h.start >= h.end)
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'end'],
      message: '運行の終わりは始まりより後にしてください',
    });
}

/** Settings an operator may save: each one leaves a service residents can book and pay for. */
export const TaxiSettingsSchema = StoredTaxiSettingsSchema.superRefine((s, ctx) => {
  checkHours(s.hours, ['hours'], ctx);
  for (const [area, h] of Object.entries(s.areaHours)) checkHours(h, ['areaHours', area], ctx);
  const lowest = Math.min(s.fares.standard, s.fares.licenceReturned, s.fares.disabled);
  for (const ch of ['tv', 'call_centre'] as const) {
    if (s.fares.channelDiscount[ch] > lowest)
      ctx.addIssue({
        code: 'custom',
        path: ['fares', 'channelDiscount', ch],
        message: `割引（${s.fares.channelDiscount[ch]}円）が一番安い運賃（${lowest}円）を超えています`,
      });
  }
});
export type TaxiSettings = z.infer<typeof StoredTaxiSettingsSchema>;

export const defaultTaxiSettings: TaxiSettings = {
  hours: { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '15:00', closedOnHolidays: true },
  areaHours: {},
  minNoticeMinutes: 30,
  pickupWindowMinutes: 10,
  noShowGraceMinutes: 5,
  noShowCharged: false,
  serviceGraceMinutes: 0,
  fares: { standard: 500, licenceReturned: 250, disabled: 250, channelDiscount: { tv: 0, call_centre: 0 } },
  roadFactor: 1.4,
  speedKmh: 30,
  reoptimizeMs: 0,
  improveMs: 200,
};

const KEY = 'taxi';

/** The taxi rules: the stored settings row merged over the defaults (an operator may set only some). */
export async function getTaxiSettings(db: DbOrTx): Promise<TaxiSettings> {
  const row = await db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return defaultTaxiSettings;
  const stored = row.value as Partial<TaxiSettings>;
  const r = StoredTaxiSettingsSchema.safeParse({
    ...defaultTaxiSettings,
    ...stored,
    fares: { ...defaultTaxiSettings.fares, ...stored.fares },
  });
  // A stored value from outside the form (or an older schema) refuses the service, never a 500.
  if (!r.success) throw unprocessable('settings_invalid', SETTINGS_INVALID_MESSAGE);
  return r.data;
}

export const SETTINGS_INVALID_MESSAGE =
  '設定に誤りがあるため、ただいまご利用いただけません。役場にお問い合わせください。';

export async function saveTaxiSettings(db: DbOrTx, value: TaxiSettings, now: Date): Promise<void> {
  const v = TaxiSettingsSchema.parse(value);
  await db
    .insert(settings)
    .values({ key: KEY, value: v, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: v, updatedAt: now } })
    .run();
}
