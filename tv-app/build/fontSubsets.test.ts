import { describe, expect, it } from 'vitest';
import {
  charactersOf,
  fontFaceCss,
  parseFontsourceCss,
  parseUnicodeRange,
  selectSubsets,
  subsetsCovering,
  warmSubsets,
} from './fontSubsets.js';

const CSS = `
/* noto-sans-jp-[0]-700-normal */
@font-face {
  font-family: 'Noto Sans JP';
  font-weight: 700;
  src: url(./files/noto-sans-jp-0-700-normal.woff2) format('woff2'), url(./files/noto-sans-jp-0-700-normal.woff) format('woff');
  unicode-range: U+25ee8,U+2f9f4;
}
/* noto-sans-jp-[119]-700-normal */
@font-face {
  font-family: 'Noto Sans JP';
  font-weight: 700;
  src: url(./files/noto-sans-jp-119-700-normal.woff2) format('woff2'), url(./files/noto-sans-jp-119-700-normal.woff) format('woff');
  unicode-range: U+3041-3096,U+30a1-30fa;
}
/* noto-sans-jp-cyrillic-700-normal */
@font-face {
  font-family: 'Noto Sans JP';
  src: url(./files/noto-sans-jp-cyrillic-700-normal.woff2) format('woff2');
  unicode-range: U+0400-045F;
}
/* noto-sans-jp-latin-700-normal */
@font-face {
  font-family: 'Noto Sans JP';
  src: url(./files/noto-sans-jp-latin-700-normal.woff2) format('woff2');
  unicode-range: U+0000-00FF;
}`;

describe('Noto Sans JP subset selection', () => {
  const subsets = parseFontsourceCss(CSS);

  it('reads each woff2 slice and its unicode-range from fontsource CSS', () => {
    expect(subsets.map((s) => s.id)).toEqual(['0', '119', 'cyrillic', 'latin']);
    expect(subsets[1]!.file).toBe('noto-sans-jp-119-700-normal.woff2');
    expect(parseUnicodeRange('U+3041-3096,U+30fc')).toEqual([
      [0x3041, 0x3096],
      [0x30fc, 0x30fc],
    ]);
  });

  it('drops slices the box never draws: above the BMP, Cyrillic, Vietnamese', () => {
    expect(selectSubsets(subsets).map((s) => s.id)).toEqual(['119', 'latin']);
  });

  it('finds the slices that hold given text, for preloading', () => {
    expect(subsetsCovering(subsets, 'タクシー').map((s) => s.id)).toEqual(['119']);
    expect(subsetsCovering(subsets, 'A あ').map((s) => s.id)).toEqual(['119', 'latin']);
  });

  it('writes woff2-only @font-face rules with the original ranges', () => {
    const css = fontFaceCss(selectSubsets(subsets), 700);
    expect(css).toContain("url(./fonts/noto-sans-jp-119-700.woff2) format('woff2')");
    expect(css).toContain('unicode-range:U+3041-3096,U+30a1-30fa');
    expect(css).not.toContain('.woff)');
  });

  it('lists the characters of the frequent numbered slices for the background warm-up', () => {
    const warm = warmSubsets(selectSubsets(subsets), 100);
    expect(warm.map((s) => s.id)).toEqual(['119']);
    const text = charactersOf(warm);
    expect(text).toContain('あ');
    expect(text).toContain('ア');
    expect(text).not.toContain('A');
    expect([...text].length).toBe(0x3096 - 0x3041 + 1 + (0x30fa - 0x30a1 + 1));
  });
});
