import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Replaces `emptyOutDir`: emptying dist/ first leaves a window in which a running server (tests,
 * other developers on the same tree) serves a page whose bundle is gone. Instead the new files are
 * written beside the old ones and only old bundles not used by this build, older than `graceMs`,
 * are removed afterwards.
 */
export function pruneStaleAssets(outDir: string, graceMs = 120_000, now: () => number = Date.now): Plugin {
  return {
    name: 'engawa-prune-stale-assets',
    apply: 'build',
    writeBundle(_options, bundle) {
      const keep = new Set(Object.keys(bundle));
      const assetsDir = join(outDir, 'assets');
      let names: string[];
      try {
        names = readdirSync(assetsDir);
      } catch {
        return;
      }
      for (const name of names) {
        const path = join(assetsDir, name);
        if (keep.has(`assets/${name}`)) continue;
        if (now() - statSync(path).mtimeMs > graceMs) rmSync(path, { force: true });
      }
    },
  };
}
