import { describe, expect, it } from 'vitest';
import { searchKey } from './find-households';

describe('searchKey', () => {
  it('reads katakana as hiragana and drops spaces, so 「ヤマダ ハナコ」 finds やまだ はなこ', () => {
    expect(searchKey('ヤマダ ハナコ')).toBe('やまだはなこ');
    expect(searchKey('山田　花子')).toBe('山田花子');
  });

  it('reads a phone number in any spelling as its digits', () => {
    expect(searchKey('０２６５－９８－２０５２')).toBe('0265982052');
    expect(searchKey('0265-98-2052')).toBe('0265982052');
  });

  it('keeps the long vowel mark of katakana words', () => {
    expect(searchKey('ヨーグルト')).toBe('よーぐると');
  });
});
