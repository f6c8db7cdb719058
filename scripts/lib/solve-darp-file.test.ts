import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DARP_BENCH_DIR, loadBks, loadChecker } from './darp-checker.js';

const run = promisify(execFile);

describe('npm run darp (scripts/darp.ts)', () => {
  it('writes a2-16 solution JSON that the reference checker accepts, close to the optimum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'darp-'));
    const out = join(dir, 'a2-16.json');
    const instance = `${DARP_BENCH_DIR}/instances/a2-16`;
    await run(
      'node_modules/.bin/tsx',
      ['scripts/darp.ts', instance, '--time-limit', '2', '--out', out, '--seed', '3', '--workers', '1'],
      { cwd: process.cwd(), timeout: 60_000 },
    );
    const check = await loadChecker();
    const verdict = check(readFileSync(instance, 'utf8'), readFileSync(out, 'utf8'));
    expect(verdict.violations).toEqual([]);
    expect(verdict.feasible).toBe(true);
    // a2-16 is small: even two seconds get within 2 % of the proven optimum
    expect(verdict.cost!).toBeLessThan(loadBks().get('a2-16')! * 1.02);
  }, 90_000);
});
