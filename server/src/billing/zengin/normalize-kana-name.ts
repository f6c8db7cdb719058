import { findInvalidZenginChar } from './charset';
import { ZenginFormatError } from './errors';

// Derived from Unicode itself (NFKC maps every half-width katakana to its full-width form), so the
// table cannot drift from the standard.
const FULL_TO_HALF = new Map<string, string>();
for (let cp = 0xff66; cp <= 0xff9f; cp++) {
  const half = String.fromCharCode(cp);
  FULL_TO_HALF.set(half.normalize('NFKC'), half);
}
// Archaic kana with no half-width form: banks read them as their modern sounds.
FULL_TO_HALF.set('ヰ', 'ｲ');
FULL_TO_HALF.set('ヱ', 'ｴ');

// Banks hold small kana as large ones (ｷﾖｳｺ for キョウコ).
const SMALL_TO_LARGE: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

// Long-vowel marks and dash look-alikes become '-'; several of them would otherwise turn into '?'
// in the CP932 table.
const DASHES = /[ー\u2010-\u2015\u2212\uff0d\uff70]/g;
const MIDDLE_DOTS = /[・\uff65]/g;

export type NormalizeOptions = {
  /** Named in the error so staff know whose bank details to fix. */
  household?: string;
  /** What the text is, for the error message (e.g. "account holder name"). */
  field?: string;
};

/**
 * Turns a name as typed by staff (hiragana, full-width katakana, full-width letters and digits,
 * half-width kana) into the half-width JIS X 0201 text a Zengin file accepts. Throws a
 * ZenginFormatError naming the household and the character when something cannot be expressed
 * (kanji, emoji, symbols), because guessing a reading would debit the wrong name.
 */
export function normalizeKanaName(input: string, options: NormalizeOptions = {}): string {
  const compatible = input.normalize('NFKC').toUpperCase().replace(DASHES, '-').replace(MIDDLE_DOTS, '.');
  let out = '';
  // NFD splits ガ into カ + U+3099 so the voicing mark comes out as a separate ﾞ.
  for (const ch of compatible.normalize('NFD')) {
    const code = ch.codePointAt(0)!;
    let kana = ch;
    if (code >= 0x3041 && code <= 0x3096) kana = String.fromCodePoint(code + 0x60);
    kana = SMALL_TO_LARGE[kana] ?? kana;
    if (kana === '\u3099') out += 'ﾞ';
    else if (kana === '\u309a') out += 'ﾟ';
    else out += FULL_TO_HALF.get(kana) ?? kana;
  }
  out = out.replace(/\s+/g, ' ').trim();
  const bad = findInvalidZenginChar(out);
  if (bad !== undefined) {
    const who = options.household ? `household ${options.household}: ` : '';
    const what = options.field ?? 'name';
    const cp = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ZenginFormatError(
      `${who}${what} "${input}" contains "${bad}" (${cp}), which a bank transfer file cannot carry; enter the name in kana`,
    );
  }
  return out;
}
