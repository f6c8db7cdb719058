/** 日常点検 items of the MLIT flight-log template. */
export const DAILY_CHECK_ITEMS = [
  { key: 'airframe', label: '機体全般' },
  { key: 'propellers', label: 'プロペラ' },
  { key: 'frame', label: 'フレーム' },
  { key: 'comms', label: '通信系統' },
  { key: 'propulsion', label: '推進系統' },
  { key: 'power', label: '電源系統' },
  { key: 'autopilot', label: '自動制御系統' },
  { key: 'controller', label: '操縦装置' },
  { key: 'battery', label: 'バッテリー' },
] as const;

export type DailyCheckKey = (typeof DAILY_CHECK_ITEMS)[number]['key'];
export type DailyCheckResults = Record<DailyCheckKey, 'ok' | 'ng'>;

export interface DailyInspection {
  registrationMark: string;
  date: string;
  place: string;
  inspector: string;
  results: DailyCheckResults;
  notes: string;
}

/** An airframe with any failed item must not fly that day. */
export function inspectionPassed(results: DailyCheckResults): boolean {
  return DAILY_CHECK_ITEMS.every((item) => results[item.key] === 'ok');
}
