import type { Lightning } from '@lightningjs/sdk';

interface ElementLike {
  active?: boolean;
  text?: { text?: unknown; isLoaded?(): boolean } | null;
  displayedTexture?: unknown;
  texture?: unknown;
  childList?: { length: number; getAt(i: number): unknown };
}

export interface TextCount {
  total: number;
  pending: number;
  /** The visible strings, in tree order. */
  texts: string[];
}

/** Counts visible text labels and those whose texture is not yet drawable (font or canvas pending). */
export function countVisibleText(root: Lightning.Element | ElementLike): TextCount {
  const result: TextCount = { total: 0, pending: 0, texts: [] };
  const walk = (el: ElementLike) => {
    if (!el.active) return;
    const text = el.text;
    if (text && typeof text.text === 'string' && text.text !== '') {
      result.total++;
      result.texts.push(text.text);
      if (!(text.isLoaded?.() && el.displayedTexture === el.texture)) result.pending++;
    }
    const children = el.childList;
    if (children) for (let i = 0; i < children.length; i++) walk(children.getAt(i) as ElementLike);
  };
  walk(root as ElementLike);
  return result;
}
