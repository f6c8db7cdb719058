/**
 * What an operator types while the caller spells their name or reads out a number, reduced to the
 * form the residents' rows are compared in. Pure, so the rules are tested without a database.
 *
 * - NFKC first: full-width digits and letters become ASCII, half-width katakana becomes full-width;
 * - a query of digits once hyphens, dashes, spaces and brackets are gone is a phone number
 *   (「0265-98-2013」, 「０２６５９８２０１３」 and 「(0265)98-2013」 are the same call);
 * - anything else is a name or a reading: spaces removed, katakana folded to hiragana, since the
 *   register keeps readings in hiragana and a caller's name may have been typed either way.
 */
export type SearchQuery =
  { kind: 'empty' } | { kind: 'phone'; digits: string } | { kind: 'name'; text: string; hiragana: string };

const PHONE_NOISE = /[\s\-‐‑‒–—―−ー()（）]/g;
const SPACES = /[\s\u3000]/g;

/** Katakana ァ..ヶ to hiragana ぁ..ゖ (the prolonged-sound mark ー is the same in both). */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

export function parseSearchQuery(raw: string): SearchQuery {
  const n = raw.normalize('NFKC').trim();
  if (n === '') return { kind: 'empty' };
  const digits = n.replace(PHONE_NOISE, '');
  if (/^\d+$/.test(digits)) return { kind: 'phone', digits };
  const text = n.replace(SPACES, '');
  if (text === '') return { kind: 'empty' };
  return { kind: 'name', text, hiragana: toHiragana(text) };
}
