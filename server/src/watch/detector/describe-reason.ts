import type { BrokenRhythm } from './rhythm';
import type { AlertReason } from './types';

const OFFSET_MS = 9 * 3_600_000;

/** '11月23日 7時05分' on the Tokyo clock. */
export function formatTokyoJa(at: number): string {
  const t = new Date(at + OFFSET_MS);
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${t.getUTCHours()}時${mm}分`;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

const hours = (ms: number) => Math.floor(ms / 3_600_000);

export function noActivityReason(since: number, now: number): AlertReason {
  const h = hours(now - since);
  return {
    code: 'no_activity',
    ja: `${formatTokyoJa(since)}から${h}時間、テレビの操作・買い物・タクシーなどの活動がありません。`,
    en: `No sign of life for ${h} h (since ${iso(since)}).`,
  };
}

export function rhythmBreakReason(since: number, broken: BrokenRhythm): AlertReason {
  return {
    code: 'rhythm_break',
    ja:
      `いつもは${broken.usualHour}時台に活動があります（過去${broken.days}日のうち${broken.usualDays}日）。` +
      `今日は${formatTokyoJa(since)}から活動がありません。`,
    en:
      `Usually active at ${broken.usualHour}:00 (${broken.usualDays} of the last ${broken.days} days); ` +
      `silent since ${iso(since)}, through ${broken.fromHour}:00–${broken.toHour}:00.`,
  };
}

export function checkUnansweredReason(since: number, attempts: number): AlertReason {
  return {
    code: 'check_unanswered',
    ja:
      `テレビがついたまま${formatTokyoJa(since)}からリモコンの操作がなく、画面の「お元気ですか？」` +
      `の確認に${attempts}回とも応答がありませんでした。`,
    en: `TV on without a key press since ${iso(since)}; the on-screen check went unanswered ${attempts} times.`,
  };
}

export function tvOnNoKeysReason(since: number, now: number): AlertReason {
  const h = hours(now - since);
  return {
    code: 'tv_on_no_keys',
    ja: `テレビがついたまま、${formatTokyoJa(since)}から${h}時間リモコンの操作がありません。`,
    en: `TV on with no key press for ${h} h (since ${iso(since)}).`,
  };
}
