import { z } from 'zod';

export const weatherCheckSchema = z.object({
  groundWindTakeoffMps: z.number().min(0).max(60),
  groundWindLandingMps: z.number().min(0).max(60),
  /** Wind in each altitude band along the route (checked since June 2024). */
  bands: z.array(
    z.object({
      fromM: z.number().min(0).max(1000),
      toM: z.number().min(0).max(1000),
      windMps: z.number().min(0).max(60),
    }),
  ),
  rain: z.boolean(),
});
export type WeatherCheck = z.infer<typeof weatherCheckSchema>;

export const weatherRulesSchema = z.object({
  /** Car when any ground wind is at or above this (domain.md §1: 5 m/s). */
  maxWindMps: z.number().positive(),
  /** Car when any altitude band is at or above this; defaults to maxWindMps. */
  maxBandWindMps: z.number().positive().optional(),
  rainMeansCar: z.boolean(),
  /** A check without altitude bands is incomplete, so it cannot clear a flight. */
  requireBands: z.boolean(),
});
export type WeatherRules = z.infer<typeof weatherRulesSchema>;

export const defaultWeatherRules: WeatherRules = { maxWindMps: 5, rainMeansCar: true, requireBands: true };

export type WeatherReasonCode = 'rain' | 'wind_takeoff' | 'wind_landing' | 'wind_band' | 'bands_unchecked';

export interface ModeDecision {
  mode: 'drone' | 'car';
  reasons: { code: WeatherReasonCode; detail: string }[];
  /** Plain Japanese for the resident's TV. */
  residentText: string;
}

const mps = (v: number) => `${v.toFixed(1)}m/秒`;

export function decideMode(check: WeatherCheck, rules: WeatherRules = defaultWeatherRules): ModeDecision {
  const reasons: ModeDecision['reasons'] = [];
  const bandLimit = rules.maxBandWindMps ?? rules.maxWindMps;
  if (rules.rainMeansCar && check.rain) reasons.push({ code: 'rain', detail: '雨' });
  if (check.groundWindTakeoffMps >= rules.maxWindMps) {
    reasons.push({ code: 'wind_takeoff', detail: `離陸地点の風 ${mps(check.groundWindTakeoffMps)}` });
  }
  if (check.groundWindLandingMps >= rules.maxWindMps) {
    reasons.push({ code: 'wind_landing', detail: `着陸地点の風 ${mps(check.groundWindLandingMps)}` });
  }
  for (const band of check.bands) {
    if (band.windMps >= bandLimit) {
      reasons.push({ code: 'wind_band', detail: `上空${band.fromM}〜${band.toM}mの風 ${mps(band.windMps)}` });
    }
  }
  if (rules.requireBands && check.bands.length === 0) {
    reasons.push({ code: 'bands_unchecked', detail: '上空の風が未確認' });
  }
  if (reasons.length === 0) {
    return { mode: 'drone', reasons, residentText: '本日はドローンでお届けします' };
  }
  return {
    mode: 'car',
    reasons,
    residentText: `${residentCause(reasons.map((r) => r.code))}、車でお届けします`,
  };
}

function residentCause(codes: WeatherReasonCode[]): string {
  const rain = codes.includes('rain');
  const wind = codes.some((c) => c.startsWith('wind_'));
  if (rain && wind) return '雨と強い風のため';
  if (rain) return '雨のため';
  if (wind) return '風が強いため';
  return '上空の風を確認できないため';
}
