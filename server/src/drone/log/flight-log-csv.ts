import { toCsv } from '../../lib/csv';
import type { FlightRecord } from './build-flight-record';
import { DAILY_CHECK_ITEMS, type DailyInspection } from './daily-inspection';
import { formatDuration, formatTokyoDateTime } from './format-duration';

export interface MaintenanceRecord {
  registrationMark: string;
  date: string;
  place: string;
  performedBy: string;
  work: string;
  partsReplaced: string;
  reason: string;
  /** Air time since the airframe's certification, at the time of the work. */
  totalAirTimeSec: number;
}

// A BOM so Excel in a Japanese locale opens UTF-8 without mojibake.
const csv = (header: string[], rows: (string | number)[][]) => toCsv(rows, { header, bom: true });

/** 飛行記録, one row per leg, in the order given. */
export function flightRecordsCsv(records: readonly FlightRecord[]): string {
  return csv(
    [
      '登録記号',
      '型式',
      '飛行年月日',
      '飛行させた者の氏名',
      '技能証明書番号',
      '飛行目的',
      '飛行経路',
      '飛行の方法',
      '離陸場所',
      '離陸時刻',
      '着陸場所',
      '着陸時刻',
      '飛行時間',
      '総飛行時間',
      '飛行の安全に影響のあった事項',
      '不具合及びその対応',
    ],
    records.map((r) => [
      r.registrationMark,
      r.airframeModel,
      r.date,
      r.pilotName,
      r.pilotLicenceNo,
      r.purpose,
      r.route,
      r.flightMethod,
      r.takeoffPlace,
      formatTokyoDateTime(r.takeoffAt),
      r.landingPlace,
      formatTokyoDateTime(r.landingAt),
      formatDuration(r.flightSec),
      formatDuration(r.totalSec),
      r.safetyNotes,
      r.defects,
    ]),
  );
}

/** 日常点検記録, one row per airframe and day, one column per check item. */
export function dailyInspectionsCsv(inspections: readonly DailyInspection[]): string {
  return csv(
    ['登録記号', '点検年月日', '点検場所', '点検者', ...DAILY_CHECK_ITEMS.map((i) => i.label), '特記事項'],
    inspections.map((d) => [
      d.registrationMark,
      d.date,
      d.place,
      d.inspector,
      ...DAILY_CHECK_ITEMS.map((i) => (d.results[i.key] === 'ok' ? '正常' : '異常')),
      d.notes,
    ]),
  );
}

/** 点検整備記録. */
export function maintenanceRecordsCsv(records: readonly MaintenanceRecord[]): string {
  return csv(
    [
      '登録記号',
      '実施年月日',
      '実施場所',
      '実施者',
      '点検・修理・改造・整備の内容',
      '交換部品',
      '実施理由',
      '総飛行時間',
    ],
    records.map((m) => [
      m.registrationMark,
      m.date,
      m.place,
      m.performedBy,
      m.work,
      m.partsReplaced,
      m.reason,
      formatDuration(m.totalAirTimeSec),
    ]),
  );
}
