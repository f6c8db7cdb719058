import { describe, expect, it } from 'vitest';
import { parseSearchQuery, toHiragana } from './search-query';

describe('parseSearchQuery', () => {
  it('reads a phone number with or without hyphens, in full- or half-width digits', () => {
    for (const typed of [
      '0265-98-2013',
      '0265982013',
      '０２６５－９８－２０１３',
      '(0265) 98 2013',
      '0265ー98ー2013',
    ])
      expect(parseSearchQuery(typed)).toEqual({ kind: 'phone', digits: '0265982013' });
    expect(parseSearchQuery('２０１３')).toEqual({ kind: 'phone', digits: '2013' });
  });

  it('folds katakana, half-width katakana and spaces so a reading matches the register', () => {
    expect(parseSearchQuery('ヤマダ ハナコ')).toEqual({
      kind: 'name',
      text: 'ヤマダハナコ',
      hiragana: 'やまだはなこ',
    });
    expect(parseSearchQuery('ﾔﾏﾀﾞ')).toMatchObject({ kind: 'name', hiragana: 'やまだ' });
    expect(parseSearchQuery('やまだ　はなこ')).toMatchObject({ kind: 'name', hiragana: 'やまだはなこ' });
    expect(parseSearchQuery('山田 花子')).toMatchObject({ kind: 'name', text: '山田花子' });
  });

  it('finds nobody for an empty or blank query', () => {
    expect(parseSearchQuery('')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery(' 　 ')).toEqual({ kind: 'empty' });
  });

  it('keeps the prolonged-sound mark and small kana when folding', () => {
    expect(toHiragana('ヨーコ')).toBe('よーこ');
    expect(toHiragana('ショウ')).toBe('しょう');
  });
});
