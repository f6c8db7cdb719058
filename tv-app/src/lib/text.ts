import { COLOUR, FONT_FACE, FONT_SIZE, FONT_STYLE } from '../theme.js';

export interface TextOptions {
  size?: number;
  colour?: number;
  /** Wrap width in px; 0 keeps the text on one line. */
  wrapWidth?: number;
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
}

/** A Lightning text config in the app's Gothic face; wrapping uses the Japanese tokenizer. */
export function textConfig(text: string, options: TextOptions = {}) {
  const size = options.size ?? FONT_SIZE.body;
  return {
    text,
    fontFace: FONT_FACE,
    fontStyle: FONT_STYLE,
    fontSize: size,
    lineHeight: Math.round(size * 1.45),
    textColor: options.colour ?? COLOUR.text,
    textAlign: options.align ?? 'left',
    wordWrap: (options.wrapWidth ?? 0) > 0,
    wordWrapWidth: options.wrapWidth ?? 0,
    // Fallback for a single "word" longer than the line (e.g. a long product code).
    wordBreak: true,
    maxLines: options.maxLines ?? 0,
    maxLinesSuffix: '…',
  };
}

/**
 * Lightning's text texture leaves room for descenders below the line, so a label centred with
 * `mount: 0.5` sits high. Add this to the y of a centred single-line label.
 */
export function centreShift(size: number): number {
  return Math.round(size * 0.33);
}
