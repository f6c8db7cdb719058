import { FONT_SIZE } from '../theme.js';
import { textConfig, type TextOptions } from './text.js';
import { tokenizeJapanese } from './tokenizeJapanese.js';

/**
 * The one way a label fits its box: the text wraps at word boundaries (the Japanese tokenizer),
 * tries each size in `sizes` (largest first) and takes the first at which it fits `maxLines`;
 * at the last size, what still does not fit is shortened with 「…」 by Lightning's `maxLines` +
 * `maxLinesSuffix`. The component that draws it must read the WHOLE text aloud (its `announce`),
 * so shortening never hides anything from a resident who listens.
 */
export interface FitOptions {
  /** The box's width in px; nothing is drawn wider. */
  width: number;
  /** The most lines the box holds (at each size). */
  maxLines?: number;
  /** The box's height in px: at each size, no more lines than their glyphs fit in (at least one). */
  height?: number;
  /** Font sizes to try, largest first; every one must be ≥ FONT_SIZE.small. */
  sizes?: readonly number[];
  /** Line height as a multiple of the size. */
  lineHeight?: number;
  colour?: number;
  align?: TextOptions['align'];
}

export interface FittedText {
  size: number;
  /** Lines the text takes at that size (estimated), at most maxLines. */
  lines: number;
  lineHeight: number;
  /** Height of that many lines: what the box must give the label. */
  height: number;
  /** True when even the last size needs more than maxLines: the label ends in 「…」. */
  shortened: boolean;
  /** The Lightning text config (patch it into `text:`). */
  config: ReturnType<typeof textConfig>;
}

/**
 * Rough drawn width in ems of Noto Sans JP Bold: Japanese characters are square, Latin letters,
 * digits and ASCII punctuation about 0.62 em, a space 0.3. Rounded up, so a size is chosen only
 * when it fits (Lightning measures the real glyphs when it wraps).
 */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch === ' ' ? 0.3 : ch.charCodeAt(0) < 0x2000 ? 0.62 : 1;
  return ems;
}

/** Lines the text wraps to at this size, greedily at the tokenizer's breaks (as Lightning does). */
export function estimateLines(text: string, size: number, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const token of tokenizeJapanese(paragraph)[0]!.tokens) {
      const w = textEms(token) * size;
      if (used + w <= width) {
        used += w;
        continue;
      }
      if (token === ' ') continue;
      // A token wider than the line is broken by character (Lightning's wordBreak).
      if (w > width) {
        let rest = w - (width - used);
        while (rest > width) {
          lines++;
          rest -= width;
        }
        lines++;
        used = rest;
      } else {
        lines++;
        used = w;
      }
    }
  }
  return lines;
}

export function fitText(text: string, options: FitOptions): FittedText {
  const maxLines = Math.max(1, options.maxLines ?? 1);
  const sizes = options.sizes?.length ? options.sizes : [FONT_SIZE.body];
  const factor = options.lineHeight ?? 1.2;
  // n lines fit when their ink does: n − 1 line steps plus one line's glyphs.
  const linesAt = (s: number) =>
    options.height === undefined
      ? maxLines
      : Math.max(1, Math.min(maxLines, Math.floor((options.height - s) / Math.round(s * factor)) + 1));
  let size = sizes[sizes.length - 1]!;
  let lines = estimateLines(text, size, options.width);
  for (const s of sizes) {
    const n = estimateLines(text, s, options.width);
    if (n <= linesAt(s)) {
      size = s;
      lines = n;
      break;
    }
  }
  const most = linesAt(size);
  const shortened = lines > most;
  lines = Math.min(lines, most);
  const lineHeight = Math.round(size * factor);
  return {
    size,
    lines,
    lineHeight,
    height: lines * lineHeight,
    shortened,
    config: {
      ...textConfig(text, {
        size,
        wrapWidth: options.width,
        maxLines: most,
        ...(options.colour !== undefined ? { colour: options.colour } : {}),
        ...(options.align ? { align: options.align } : {}),
      }),
      lineHeight,
    },
  };
}

/**
 * Lightning's text texture puts the first baseline one font size down and pads half a size below
 * the last line; this is the y offset that centres `lines` lines of a fitted label in a box of
 * height `boxH` when the label is placed at the top (mountY 0).
 */
export function centredTop(fitted: Pick<FittedText, 'size' | 'lines' | 'lineHeight'>, boxH: number): number {
  // Ink spans from ~0.12 size below the texture's top to ~1.12 size below the last line's top.
  const ink = (fitted.lines - 1) * fitted.lineHeight + fitted.size;
  return Math.round((boxH - ink) / 2 - fitted.size * 0.12);
}
