import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isZenginChar } from './charset';
import { ZenginFormatError } from './errors';
import { normalizeKanaName } from './normalize-kana-name';

describe('normalizeKanaName', () => {
  it.each([
    ['hiragana with a full-width space', 'やまだ　はなこ', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
    ['full-width katakana', 'ヤマダ　ハナコ', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
    ['half-width stays as it is', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
    ['small kana become large (hiragana)', 'きょうこ', 'ｷﾖｳｺ'],
    ['small kana become large (half-width)', 'ｷｮｳｺ ｯ', 'ｷﾖｳｺ ﾂ'],
    ['semi-voiced and long vowel', 'パーク', 'ﾊﾟ-ｸ'],
    ['ヴ and small ァ', 'ゔぁいおりん', 'ｳﾞｱｲｵﾘﾝ'],
    ['ヷ is ﾜ with a voicing mark', 'ヷ', 'ﾜﾞ'],
    ['ヰ and ヱ take their modern sounds', 'ヰヱ', 'ｲｴ'],
    ['full-width Latin and digits, lower case', 'ＡＢＣ　ｓｈｏｐ１２', 'ABC SHOP12'],
    ['middle dot becomes a full stop', 'ジョン・スミス', 'ｼﾞﾖﾝ.ｽﾐｽ'],
    ['minus sign look-alikes become hyphens', 'カ−ド—ー', 'ｶ-ﾄﾞ--'],
    ['brackets and spaces collapse', '（カ）　　エンガワ ', '(ｶ) ｴﾝｶﾞﾜ'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeKanaName(input)).toBe(expected);
  });

  it('rejects kanji with a message naming the household and the character', () => {
    expect(() => normalizeKanaName('山田はなこ', { household: 'H-0042 山田', field: '口座名義' })).toThrow(
      ZenginFormatError,
    );
    expect(() => normalizeKanaName('山田はなこ', { household: 'H-0042 山田', field: '口座名義' })).toThrow(
      /household H-0042 山田: 口座名義 "山田はなこ" contains "山" \(U\+5C71\)/,
    );
  });

  it.each(['ﾅｶﾞﾉ〜', 'ｱ?', 'ｱ@', 'ｱ😀', 'ｱ、'])(
    'rejects %s instead of letting Shift_JIS turn it into "?"',
    (s) => {
      expect(() => normalizeKanaName(s, { household: 'H1' })).toThrow(/household H1/);
    },
  );

  it('produces only Zengin characters, one Shift_JIS byte each, for any kana input', () => {
    const kana = fc.constantFrom(
      ...'あいうえおかがきぎぱぴぷっゃゅょゎゔアイウエオガギパピプッャュョヮヴヵヶーｱｶﾞﾊﾟｯｬ　 ABCabc０１２'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(kana, { minLength: 1, maxLength: 40 }), (chars) => {
        const out = normalizeKanaName(chars.join(''));
        expect([...out].every(isZenginChar)).toBe(true);
        expect(iconv.encode(out, 'Shift_JIS').length).toBe([...out].length);
        expect(normalizeKanaName(out)).toBe(out);
      }),
    );
  });
});
