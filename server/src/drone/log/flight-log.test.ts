import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildFlightRecord, type FlightLegInput } from './build-flight-record';
import { inspectionPassed, DAILY_CHECK_ITEMS, type DailyCheckResults } from './daily-inspection';
import { dailyInspectionsCsv, flightRecordsCsv, maintenanceRecordsCsv } from './flight-log-csv';
import { formatDuration } from './format-duration';

const leg: FlightLegInput = {
  registrationMark: 'JU0123456789',
  airframeModel: 'PD6B-type3',
  pilotName: '山田 太郎',
  pilotLicenceNo: '1234567890',
  purpose: '物資輸送',
  route: '道の駅 南アルプスむら長谷 → 中尾公民館',
  flightMethod: '目視外飛行',
  takeoffPlace: '道の駅 南アルプスむら長谷',
  takeoffAt: new Date('2026-11-24T05:00:00Z'),
  landingPlace: '中尾公民館',
  landingAt: new Date('2026-11-24T05:10:12Z'),
  safetyNotes: 'なし',
  defects: 'なし',
  previousTotalSec: 3600 * 25,
};

describe('buildFlightRecord', () => {
  it('computes the flight time and the airframe total', () => {
    const record = buildFlightRecord(leg);
    expect(record.flightSec).toBe(612);
    expect(record.totalSec).toBe(3600 * 25 + 612);
    expect(record.date).toBe('2026-11-24');
  });

  it('dates the record in Tokyo, not UTC', () => {
    const late = buildFlightRecord({
      ...leg,
      takeoffAt: new Date('2026-11-24T15:10:00Z'),
      landingAt: new Date('2026-11-24T15:20:00Z'),
    });
    expect(late.date).toBe('2026-11-25');
  });

  it('rejects a landing before the take-off', () => {
    expect(() => buildFlightRecord({ ...leg, landingAt: new Date('2026-11-24T04:00:00Z') })).toThrow(
      RangeError,
    );
  });
});

describe('flight log CSV', () => {
  it('writes the 飛行記録 fields with Japanese headers and Tokyo times, readable back', () => {
    const text = flightRecordsCsv([buildFlightRecord(leg)]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      登録記号: 'JU0123456789',
      飛行させた者の氏名: '山田 太郎',
      離陸時刻: '2026-11-24 14:00',
      着陸時刻: '2026-11-24 14:10',
      飛行時間: '0:10:12',
      総飛行時間: '25:10:12',
      飛行経路: '道の駅 南アルプスむら長谷 → 中尾公民館',
    });
  });

  it('writes daily inspections with one column per check item', () => {
    const results = Object.fromEntries(DAILY_CHECK_ITEMS.map((i) => [i.key, 'ok'])) as DailyCheckResults;
    const failing = { ...results, propellers: 'ng' as const };
    expect(inspectionPassed(results)).toBe(true);
    expect(inspectionPassed(failing)).toBe(false);
    const text = dailyInspectionsCsv([
      {
        registrationMark: 'JU1',
        date: '2026-11-24',
        place: '長谷',
        inspector: '山田',
        results: failing,
        notes: '欠け',
      },
    ]);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      点検年月日: '2026-11-24',
      プロペラ: '異常',
      機体全般: '正常',
      特記事項: '欠け',
    });
  });

  it('writes maintenance records', () => {
    const text = maintenanceRecordsCsv([
      {
        registrationMark: 'JU1',
        date: '2026-11-24',
        place: '長谷',
        performedBy: '整備 一郎',
        work: 'プロペラ交換',
        partsReplaced: 'プロペラ 1枚',
        reason: '日常点検で欠けを発見',
        totalAirTimeSec: 90_000,
      },
    ]);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ 交換部品: 'プロペラ 1枚', 総飛行時間: '25:00:00' });
  });

  it('formats durations as H:MM:SS', () => {
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(3599)).toBe('0:59:59');
    expect(formatDuration(36_000 + 61)).toBe('10:01:01');
  });
});
