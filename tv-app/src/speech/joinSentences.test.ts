import { describe, expect, it } from 'vitest';
import { joinSentences } from './joinSentences.js';

describe('joinSentences', () => {
  it('ends every part with one 「。」, never two', () => {
    expect(joinSentences(['引き落とせませんでした。', '合計、2,392円です。', '月会費、1,000円'])).toBe(
      '引き落とせませんでした。合計、2,392円です。月会費、1,000円。',
    );
  });

  it('drops empty parts and parts of punctuation only', () => {
    expect(joinSentences(['', null, undefined, false, '。', ' ', 'お知らせです'])).toBe('お知らせです。');
  });

  it('keeps a question or exclamation mark and a trailing comma does not become 「、。」', () => {
    expect(joinSentences(['お元気ですか？', 'よろしく、'])).toBe('お元気ですか？よろしく。');
  });

  it('never produces doubled punctuation', () => {
    const out = joinSentences(['a。。', 'b。', '。c', 'd、']);
    expect(out).not.toMatch(/。。|、。|。、/);
  });
});
