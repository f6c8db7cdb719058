import { describe, expect, it } from 'vitest';
import { decideMode, defaultWeatherRules, type WeatherCheck } from './decide-mode';

const calm: WeatherCheck = {
  groundWindTakeoffMps: 2,
  groundWindLandingMps: 1.5,
  bands: [
    { fromM: 0, toM: 50, windMps: 3 },
    { fromM: 50, toM: 150, windMps: 4.9 },
  ],
  rain: false,
};

describe('decideMode', () => {
  it('flies in calm, dry weather', () => {
    expect(decideMode(calm)).toEqual({
      mode: 'drone',
      reasons: [],
      residentText: '本日はドローンでお届けします',
    });
  });

  it('sends the car at exactly 5 m/s ground wind at take-off', () => {
    const decision = decideMode({ ...calm, groundWindTakeoffMps: 5 });
    expect(decision.mode).toBe('car');
    expect(decision.reasons).toEqual([{ code: 'wind_takeoff', detail: '離陸地点の風 5.0m/秒' }]);
    expect(decision.residentText).toBe('風が強いため、車でお届けします');
  });

  it('checks the wind at the landing site and in every altitude band', () => {
    expect(decideMode({ ...calm, groundWindLandingMps: 6.2 }).reasons.map((r) => r.code)).toEqual([
      'wind_landing',
    ]);
    const aloft = decideMode({ ...calm, bands: [...calm.bands, { fromM: 150, toM: 150, windMps: 7 }] });
    expect(aloft.mode).toBe('car');
    expect(aloft.reasons[0]!.detail).toBe('上空150〜150mの風 7.0m/秒');
  });

  it('sends the car in rain and says so plainly', () => {
    expect(decideMode({ ...calm, rain: true }).residentText).toBe('雨のため、車でお届けします');
    expect(decideMode({ ...calm, rain: true, groundWindTakeoffMps: 8 }).residentText).toBe(
      '雨と強い風のため、車でお届けします',
    );
  });

  it('does not clear a flight when the altitude bands were not checked', () => {
    const decision = decideMode({ ...calm, bands: [] });
    expect(decision.mode).toBe('car');
    expect(decision.residentText).toBe('上空の風を確認できないため、車でお届けします');
  });

  it('follows configured limits', () => {
    const rules = { ...defaultWeatherRules, maxWindMps: 7, maxBandWindMps: 10, rainMeansCar: false };
    expect(decideMode({ ...calm, groundWindTakeoffMps: 6.9, rain: true }, rules).mode).toBe('drone');
    expect(decideMode({ ...calm, groundWindTakeoffMps: 7 }, rules).mode).toBe('car');
    expect(decideMode({ ...calm, bands: [{ fromM: 0, toM: 150, windMps: 9 }] }, rules).mode).toBe('drone');
  });
});
