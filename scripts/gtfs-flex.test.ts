import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/src';
import { seedDemo } from '../server/src/demo/seed-demo';
import { feedViolations } from '../test/helpers/gtfs-flex-rules';

const run = promisify(execFile);

describe('npm run gtfs-flex (scripts/gtfs-flex.ts)', () => {
  it('writes the feed of the database named by DATABASE_PATH, passing every rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gtfs-flex-'));
    const dbPath = join(dir, 'engawa.db');
    const { db, sqlite } = openDb(dbPath);
    await seedDemo(db, new Date('2026-11-23T00:00:00Z'));
    sqlite.close();
    const out = join(dir, 'feed.zip');
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/gtfs-flex.ts', '--out', out], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_PATH: dbPath, TAXI_BOOKING_PHONE: '0265-00-0000' },
      timeout: 60_000,
    });
    expect(stdout).toContain(`${out}: `);
    const files = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(out))).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
    expect(feedViolations(files)).toEqual([]);
    expect(files['booking_rules.txt']).toContain('お電話（0265-00-0000）');
  }, 90_000);

  it('without --out, says how to call it and fails', async () => {
    await expect(
      run('node_modules/.bin/tsx', ['scripts/gtfs-flex.ts'], { timeout: 60_000 }),
    ).rejects.toMatchObject({
      stdout: expect.stringContaining('usage: npm run gtfs-flex -- --out FILE.zip'),
    });
  }, 90_000);
});
