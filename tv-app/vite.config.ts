import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { notoSansJpSubsets } from './build/fontSubsets.js';
import { pruneStaleAssets } from './build/pruneStaleAssets.js';

const root = fileURLToPath(new URL('.', import.meta.url));

// Text on the screens shown before any API data arrives: their glyph subsets are preloaded so the
// first frame with text does not wait for font requests discovered late by the canvas renderer.
const firstScreenText =
  'お買い物タクシーお知らせ準備中戻る決定ようこそこの機械はまだ登録されていませんケーブルテレビ' +
  '局にお電話ください番号さんこんにちは青赤緑黄0123456789-:';

// `--mode test` builds the test hook (window.__engawa, see src/testHook.ts) into dist-test/ for
// browser tests and bench:tv; every other build leaves it out, so a box never carries it, and the
// two builds never overwrite each other.
export default defineConfig(({ mode }) => {
  const testBuild = mode === 'test';
  const outDir = testBuild ? 'dist-test' : 'dist';
  return {
    root,
    base: './',
    define: { __ENGAWA_TEST_HOOK__: JSON.stringify(testBuild) },
    build: {
      outDir,
      // See pruneStaleAssets: never leave dist/ without the bundle its index.html names.
      emptyOutDir: false,
      target: 'es2019',
      // Lightning core is one large module; splitting it gains nothing on a box that loads one page.
      chunkSizeWarningLimit: 600,
    },
    // `npx vite --config tv-app/vite.config.ts` talks to a running engawa server (`npm run dev`).
    server: { proxy: { '/api': process.env.ENGAWA_SERVER ?? 'http://127.0.0.1:3000' } },
    plugins: [
      notoSansJpSubsets({ weight: 700, preloadText: firstScreenText, warmFromSlice: 90 }),
      pruneStaleAssets(fileURLToPath(new URL(`./${outDir}`, import.meta.url))),
    ],
  };
});
