/**
 * Where each visible label is drawn on the screen, for the overflow browser test (through the
 * test hook): the box of its drawn lines and the box of the nearest ancestor that has a size
 * (its card, button, tile or the screen). Read from Lightning's own layout: the element's world
 * position and scale (`core.renderContext`) and its text texture's line layout (`renderInfo`).
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextBox {
  text: string;
  /** The drawn lines: from the top of the first line's glyphs to the foot of the last's. */
  box: Box;
  /** The nearest sized ancestor (card, button, tile, bar chip) or the stage. */
  container: Box;
  /** Refs from the page down, for messages. */
  path: string;
  /** World alpha: a label fading in or out is drawn faintly. */
  alpha: number;
  lines: number;
  /** What the label belongs to: the global overlay or toast, which cover the page, or the page. */
  layer: 'Overlay' | 'Toast' | 'Page';
}

const LAYERS = new Set(['Overlay', 'Toast']);

interface RenderContext {
  px: number;
  py: number;
  ta: number;
  td: number;
  alpha: number;
}

interface DrawLine {
  x: number;
  y: number;
  w: number;
}

interface ElementLike {
  active?: boolean;
  ref?: string;
  constructor: { name: string };
  text?: { text?: unknown } | null;
  texture?: { source?: { renderInfo?: RenderInfo | null } | null } | null;
  core?: { renderContext?: RenderContext; w?: number; h?: number };
  parent?: ElementLike | null;
  childList?: { length: number; getAt(i: number): unknown };
}

interface RenderInfo {
  lines?: DrawLine[];
  fontSize: number;
  precision: number;
}

function boxOf(el: ElementLike): Box | null {
  const c = el.core?.renderContext;
  const w = el.core?.w ?? 0;
  const h = el.core?.h ?? 0;
  if (!c || w <= 0 || h <= 0) return null;
  return { x: c.px, y: c.py, w: w * c.ta, h: h * c.td };
}

function nameOf(el: ElementLike): string {
  return el.ref ?? el.constructor.name;
}

/**
 * Glyphs of Noto Sans JP reach about 0.88 em above the alphabetic baseline (kanji, brackets) and
 * 0.12 em below it; Lightning's texture adds more room than that, which is not drawn on.
 */
const ASCENT = 0.88;
const DESCENT = 0.12;

export function textBoxes(root: unknown): TextBox[] {
  const out: TextBox[] = [];
  const walk = (el: ElementLike, ancestors: ElementLike[]) => {
    if (!el.active) return;
    const text = el.text?.text;
    const info = el.texture?.source?.renderInfo;
    const ctx = el.core?.renderContext;
    if (typeof text === 'string' && text.trim() !== '' && info?.lines?.length && ctx) {
      const p = info.precision || 1;
      const lines = info.lines;
      const x0 = Math.min(...lines.map((l) => l.x)) / p;
      const x1 = Math.max(...lines.map((l) => l.x + l.w)) / p;
      const y0 = (lines[0]!.y - ASCENT * info.fontSize) / p;
      const y1 = (lines[lines.length - 1]!.y + DESCENT * info.fontSize) / p;
      let container: Box | null = null;
      for (let i = ancestors.length - 1; i >= 0 && !container; i--) container = boxOf(ancestors[i]!);
      out.push({
        text,
        box: {
          x: ctx.px + x0 * ctx.ta,
          y: ctx.py + y0 * ctx.td,
          w: (x1 - x0) * ctx.ta,
          h: (y1 - y0) * ctx.td,
        },
        container: container ?? { x: 0, y: 0, w: 1920, h: 1080 },
        path: [...ancestors.slice(-4), el].map(nameOf).join('/'),
        alpha: ctx.alpha,
        lines: lines.length,
        layer: (ancestors.find((a) => LAYERS.has(a.ref ?? ''))?.ref ?? 'Page') as TextBox['layer'],
      });
    }
    const children = el.childList;
    if (children) {
      const next = [...ancestors, el];
      for (let i = 0; i < children.length; i++) walk(children.getAt(i) as ElementLike, next);
    }
  };
  walk(root as ElementLike, []);
  return out;
}

/** The focused component's box on screen (its growth included), or null. */
export function focusedBox(focusPath: readonly unknown[]): Box | null {
  for (const el of [...focusPath].reverse()) {
    const box = boxOf(el as ElementLike);
    if (box && box.w < 1920) return box;
  }
  return null;
}
