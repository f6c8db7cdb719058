import { FONT_FACE, FONT_SIZE } from '../theme.js';

declare const __ENGAWA_FONT_WARM_TEXT__: string;

/** Characters of the frequent font slices (set at build time by build/fontSubsets.ts). */
export const FONT_WARM_TEXT: string =
  typeof __ENGAWA_FONT_WARM_TEXT__ === 'string' ? __ENGAWA_FONT_WARM_TEXT__ : '';

/**
 * Loads the frequent Noto Sans JP slices once the first screen is up, so the next page's text (product
 * names, dates) does not wait for font requests. `unicode-range` makes this fetch exactly those slices.
 */
export function warmFonts(fonts: FontFaceSet = document.fonts, text: string = FONT_WARM_TEXT): Promise<void> {
  if (!text) return Promise.resolve();
  return fonts.load(`bold ${FONT_SIZE.body}px "${FONT_FACE}"`, text).then(
    () => undefined,
    () => undefined,
  );
}
