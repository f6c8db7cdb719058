import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeJapanese } from './tokenizeJapanese.js';

const tokensOf = (text: string) => tokenizeJapanese(text)[0]!.tokens;

describe('tokenizeJapanese', () => {
  it('splits a Japanese sentence into several words', () => {
    const tokens = tokensOf('今日の夕方に公民館へお届けします');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe('今日の夕方に公民館へお届けします');
  });

  it('never starts a token with closing punctuation, small kana or the long-vowel mark', () => {
    const tokens = tokensOf(
      'タクシーを予約しました。「ぐるっとタクシー」、ありがとうございます！ちょっと待ってね',
    );
    for (const t of tokens.slice(1)) expect('、。」！ーっょ').not.toContain(t[0]);
  });

  it('keeps an opening bracket with the word after it', () => {
    const tokens = tokensOf('お知らせ「ゴミの日」です');
    for (const t of tokens) expect(t.endsWith('「')).toBe(false);
  });

  it('keeps spaces as separate tokens', () => {
    expect(tokensOf('山田 花子 さん')).toEqual(['山田', ' ', '花子', ' ', 'さん']);
  });

  it('loses and reorders no character, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(tokensOf(text).join('')).toBe(text);
      }),
    );
  });
});
