import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStaleAssets } from './pruneStaleAssets.js';

let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function asset(name: string, ageMs: number) {
  const path = join(dir, 'assets', name);
  writeFileSync(path, 'x');
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(path, t, t);
}

describe('pruneStaleAssets', () => {
  it('keeps this build and recent bundles a running page may still ask for; removes old ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'engawa-dist-'));
    mkdirSync(join(dir, 'assets'));
    asset('index-new.js', 0);
    asset('index-recent.js', 30_000);
    asset('index-old.js', 600_000);
    asset('index-current-but-old-mtime.js', 600_000);
    const plugin = pruneStaleAssets(dir, 120_000);
    const writeBundle = plugin.writeBundle as (o: unknown, b: Record<string, unknown>) => void;
    writeBundle.call({}, {}, { 'assets/index-new.js': {}, 'assets/index-current-but-old-mtime.js': {} });
    expect(readdirSync(join(dir, 'assets')).sort()).toEqual([
      'index-current-but-old-mtime.js',
      'index-new.js',
      'index-recent.js',
    ]);
  });
});
