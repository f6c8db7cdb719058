import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** The JavaScript a build would ship, built in memory (nothing is written to dist/). */
async function bundledJs(mode: string): Promise<string> {
  const result = await build({ configFile, mode, logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs
    .flatMap((o) => o.output)
    .map((f) => (f.type === 'chunk' ? f.code : ''))
    .join('\n');
}

describe('the TV test hook', () => {
  it('is left out of the production bundle and built only into test builds', async () => {
    const production = await bundledJs('production');
    expect(production.length).toBeGreaterThan(100_000);
    // Booleans, not toContain: a failure would print the whole bundle.
    expect(production.includes('__engawa'), 'window.__engawa in the production bundle').toBe(false);
    expect(production.includes('visibleTexts'), 'hook getters in the production bundle').toBe(false);
    const testBuild = await bundledJs('test');
    expect(testBuild.includes('__engawa'), 'window.__engawa in the test build').toBe(true);
  }, 120_000);
});
