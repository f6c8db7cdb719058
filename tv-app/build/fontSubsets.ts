import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export interface FontSubset {
  /** fontsource subset id: a number for the Japanese slices, or `latin`, `cyrillic`, ... */
  id: string;
  file: string;
  /** Inclusive code point ranges from the CSS `unicode-range`. */
  ranges: Array<[number, number]>;
}

export interface NotoSansJpOptions {
  weight: number;
  /** Characters drawn before any data arrives; the subsets holding them are preloaded. */
  preloadText: string;
  /**
   * Slices loaded in the background after the first screen, so later pages do not wait for font
   * requests. Google's Japanese slices are ordered by frequency: the highest numbers hold kana and
   * the most common kanji (about 10 KB each).
   */
  warmFromSlice?: number;
}

/** Every character of the chosen slices, for `document.fonts.load(font, text)` in the app. */
export function charactersOf(subsets: FontSubset[]): string {
  const chars: string[] = [];
  for (const s of subsets) {
    for (const [from, to] of s.ranges) {
      for (let cp = from; cp <= to; cp++) if (cp >= 0x20) chars.push(String.fromCodePoint(cp));
    }
  }
  return chars.join('');
}

export function warmSubsets(subsets: FontSubset[], fromSlice: number): FontSubset[] {
  return subsets.filter((s) => /^\d+$/.test(s.id) && Number(s.id) >= fromSlice);
}

const FAMILY = 'Noto Sans JP';
const BLOCK = /\/\* noto-sans-jp-\[?([\w]+)\]?-\d+-normal \*\/\s*@font-face\s*{([^}]*)}/g;

export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

export function parseFontsourceCss(css: string): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const match of css.matchAll(BLOCK)) {
    const body = match[2]!;
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (file && range) subsets.push({ id: match[1]!, file, ranges: parseUnicodeRange(range) });
  }
  return subsets;
}

/**
 * The box shows Japanese and ASCII only. Slices wholly above the BMP (rare CJK extension B+
 * characters) and the Cyrillic/Vietnamese subsets are never needed; the WOFF fallbacks are dropped
 * because every WebGL-capable box browser reads WOFF2. Unused slices cost disk, not bandwidth:
 * `unicode-range` makes the browser fetch only slices whose characters are drawn.
 */
export function selectSubsets(subsets: FontSubset[]): FontSubset[] {
  return subsets.filter(
    (s) => s.id !== 'cyrillic' && s.id !== 'vietnamese' && s.ranges.some(([from]) => from <= 0xffff),
  );
}

export function subsetsCovering(subsets: FontSubset[], text: string): FontSubset[] {
  const codePoints = new Set([...text].map((c) => c.codePointAt(0)!));
  return subsets.filter((s) =>
    [...codePoints].some((cp) => s.ranges.some(([from, to]) => cp >= from && cp <= to)),
  );
}

function outputName(subset: FontSubset, weight: number): string {
  return `fonts/noto-sans-jp-${subset.id}-${weight}.woff2`;
}

export function fontFaceCss(subsets: FontSubset[], weight: number): string {
  return subsets
    .map((s) => {
      const range = s.ranges
        .map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`))
        .join(',');
      // `block`: the canvas renderer waits for the face anyway; swapping would draw a fallback first.
      return `@font-face{font-family:'${FAMILY}';font-style:normal;font-display:block;font-weight:${weight};src:url(./${outputName(s, weight)}) format('woff2');unicode-range:${range}}`;
    })
    .join('\n');
}

/** Vite plugin: ships our own @font-face CSS for a chosen set of Noto Sans JP woff2 slices. */
export function notoSansJpSubsets(options: NotoSansJpOptions): Plugin {
  const require = createRequire(import.meta.url);
  const cssPath = require.resolve(`@fontsource/noto-sans-jp/${options.weight}.css`);
  const filesDir = join(dirname(cssPath), 'files');
  const subsets = selectSubsets(parseFontsourceCss(readFileSync(cssPath, 'utf8')));
  const preload = subsetsCovering(subsets, options.preloadText);
  const byOutput = new Map(subsets.map((s) => [`/${outputName(s, options.weight)}`, s]));

  const warmText = charactersOf(warmSubsets(subsets, options.warmFromSlice ?? Infinity));

  return {
    name: 'engawa-noto-sans-jp-subsets',
    config() {
      return { define: { __ENGAWA_FONT_WARM_TEXT__: JSON.stringify(warmText) } };
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const subset = byOutput.get((req.url ?? '').split('?')[0]!);
        if (!subset) return next();
        res.setHeader('Content-Type', 'font/woff2');
        res.end(readFileSync(join(filesDir, subset.file)));
      });
    },
    generateBundle() {
      for (const s of subsets) {
        this.emitFile({
          type: 'asset',
          fileName: outputName(s, options.weight),
          source: readFileSync(join(filesDir, s.file)),
        });
      }
    },
    transformIndexHtml() {
      return [
        ...preload.map((s) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            href: `./${outputName(s, options.weight)}`,
            as: 'font',
            type: 'font/woff2',
            crossorigin: '',
          },
          injectTo: 'head' as const,
        })),
        { tag: 'style', children: fontFaceCss(subsets, options.weight), injectTo: 'head' as const },
      ];
    },
  };
}
