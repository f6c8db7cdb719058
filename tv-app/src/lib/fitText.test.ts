import { describe, expect, it } from 'vitest';
import { FONT_SIZE } from '../theme.js';
import { estimateLines, fitText, textEms } from './fitText.js';

describe('fitText', () => {
  it('keeps a short text on one line at the first size', () => {
    const f = fitText('お米 5kg', { width: 800, sizes: [FONT_SIZE.body, FONT_SIZE.small] });
    expect(f).toMatchObject({ size: FONT_SIZE.body, lines: 1, shortened: false });
    expect(f.config.text).toBe('お米 5kg');
  });

  it('takes the smaller size when the larger one needs more lines than the box holds', () => {
    const text = 'あ'.repeat(20); // 20 em: 1120 px at 56, 880 px at 44
    const f = fitText(text, { width: 900, maxLines: 1, sizes: [FONT_SIZE.body, FONT_SIZE.small] });
    expect(f).toMatchObject({ size: FONT_SIZE.small, lines: 1, shortened: false });
  });

  it('wraps, then shortens with 「…」 at the last size, keeping the whole text for reading aloud', () => {
    const text = 'お薬を飲む時間です。'.repeat(8); // 80 characters, as the family form allows
    const f = fitText(text, { width: 1600, maxLines: 2, sizes: [FONT_SIZE.body, FONT_SIZE.small] });
    expect(f.size).toBe(FONT_SIZE.small);
    expect(f.lines).toBe(2);
    expect(f.shortened).toBe(true);
    expect(f.height).toBe(2 * f.lineHeight);
    // Lightning draws at most maxLines lines, ending in the suffix; the text itself is not cut.
    expect(f.config).toMatchObject({
      text,
      maxLines: 2,
      maxLinesSuffix: '…',
      wordWrap: true,
      wordWrapWidth: 1600,
    });
  });

  it('never goes below the smallest size given, and never below FONT_SIZE.small by default', () => {
    const f = fitText('長い'.repeat(200), { width: 300, maxLines: 3 });
    expect(f.size).toBeGreaterThanOrEqual(FONT_SIZE.small);
    expect(f.lines).toBe(3);
  });

  it('counts Latin letters and digits narrower than Japanese characters', () => {
    expect(textEms('534円')).toBeCloseTo(3 * 0.62 + 1);
    expect(estimateLines('12月4日 配送中（ドローン） 534円', 56, 900)).toBe(2);
    expect(estimateLines('12月4日 配送中（ドローン） 534円', 44, 900)).toBe(1);
  });

  it('breaks a token wider than the line by character, as Lightning does', () => {
    expect(estimateLines('x'.repeat(100), 44, 400)).toBe(Math.ceil((100 * 0.62 * 44) / 400));
    expect(estimateLines('一行目\n二行目', 56, 1000)).toBe(2);
  });
});

describe('fitText in a box of fixed height', () => {
  it('gives each size only the lines that fit the height', () => {
    // 109 px: one line at 56 (67 px), two at 44 (53 px): a card's title.
    const long = fitText('北海道産 特選ゆめぴりか 新米 5kg 無洗米', {
      width: 364,
      height: 109,
      maxLines: 2,
      sizes: [FONT_SIZE.body, FONT_SIZE.small],
    });
    expect(long).toMatchObject({ size: FONT_SIZE.small, lines: 2 });
    expect(long.config.maxLines).toBe(2);
    const short = fitText('牛乳', {
      width: 364,
      height: 109,
      maxLines: 2,
      sizes: [FONT_SIZE.body, FONT_SIZE.small],
    });
    expect(short).toMatchObject({ size: FONT_SIZE.body, lines: 1, shortened: false });
    expect(fitText('x', { width: 100, height: 10 }).config.maxLines).toBe(1);
  });
});
