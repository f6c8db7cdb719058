/**
 * Visual constants for elderly viewers: large Gothic text, light on dark, and a 5% overscan-safe area
 * (older TVs crop the picture edges).
 */
export const SCREEN = { w: 1920, h: 1080 } as const;

export const SAFE = {
  x: Math.round(SCREEN.w * 0.05),
  y: Math.round(SCREEN.h * 0.05),
  w: Math.round(SCREEN.w * 0.9),
  h: Math.round(SCREEN.h * 0.9),
} as const;

export const FONT_FACE = 'Noto Sans JP';
/** Only the bold face is shipped (one weight keeps dist/ and the first load small). */
export const FONT_STYLE = 'bold';

/** Pixel sizes at 1080p; the floor is 40 px, TV guidelines for the elderly ask for far more. */
export const FONT_SIZE = {
  hero: 96,
  title: 72,
  tile: 80,
  body: 56,
  small: 44,
} as const;

export const COLOUR = {
  background: 0xff101418,
  surface: 0xff26303a,
  surfaceFocused: 0xff3d5166,
  text: 0xfff5f5f0,
  textDim: 0xffc8ccd0,
  focusOutline: 0xffffd84a,
  // Opaque: a half-seen page underneath confuses more than it helps.
  overlayDim: 0xff0d1b2a,
  error: 0xffb3261e,
  info: 0xff2e5d3a,
} as const;

/** Remote colour keys in the order printed on Japanese remotes (ARIB): 青 赤 緑 黄. */
export const COLOUR_KEYS = [
  { key: 'Blue', name: '青', fill: 0xff1e63d6, ink: 0xffffffff },
  { key: 'Red', name: '赤', fill: 0xffd62828, ink: 0xffffffff },
  { key: 'Green', name: '緑', fill: 0xff1e9e4a, ink: 0xffffffff },
  { key: 'Yellow', name: '黄', fill: 0xfff2c200, ink: 0xff101418 },
] as const;

export type ColourKey = (typeof COLOUR_KEYS)[number]['key'];

export const FOCUS_SCALE = 1.08;
export const FOCUS_OUTLINE_WIDTH = 10;
