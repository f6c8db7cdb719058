import { z } from 'zod';
import { TokyoDateSchema } from '../../lib/tokyo';
import type { WeatherCheckInput } from '../record-weather-check';

/** The altitude bands the board asks about (the API takes any bands). */
export const WEATHER_BANDS = [
  { fromM: 0, toM: 50 },
  { fromM: 50, toM: 100 },
  { fromM: 100, toM: 150 },
] as const;

const wind = z.coerce
  .number({ error: '風速を数字で入れてください（m/秒）' })
  .min(0, { error: '0以上で入れてください' })
  .max(60, { error: '60以下で入れてください' });

const site = z
  .string()
  .regex(/^(|[1-9][0-9]{0,8})$/, { error: '着陸地を選んでください' })
  .default('');

/** The board's weather form: the same check the API takes, one field per band. */
export const WeatherForm = z.object({
  hamletId: site,
  groundWindTakeoffMps: wind,
  groundWindLandingMps: wind,
  band_0_50: wind,
  band_50_100: wind,
  band_100_150: wind,
  rain: z.literal('1').optional(),
});
export type WeatherForm = z.infer<typeof WeatherForm>;

export function weatherInputOf(f: WeatherForm): WeatherCheckInput {
  return {
    hamletId: f.hamletId ? Number(f.hamletId) : null,
    groundWindTakeoffMps: f.groundWindTakeoffMps,
    groundWindLandingMps: f.groundWindLandingMps,
    bands: WEATHER_BANDS.map((b) => ({
      ...b,
      windMps: f[`band_${b.fromM}_${b.toM}` as 'band_0_50'],
    })),
    rain: f.rain === '1',
  };
}

/** An action posted from the board carries the day it came from, to return to it (else today). */
export const BoardActionForm = z.object({ date: TokyoDateSchema.optional() });
export const LaunchForm = BoardActionForm.extend({
  pilotLicenceNo: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s) => (s ? s : undefined)),
});
export const AbortForm = BoardActionForm.extend({
  reason: z.string().trim().min(1, { error: '中止の理由を入力してください' }).max(500),
});
