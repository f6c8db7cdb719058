import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { runBillingCommand } from './run-billing-command';
import { addCharge, closeTime } from './testing';
import { readDebitFile } from './zengin/read-debit-file';

let ctx: TestContext;
let dir: string;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
  dir = mkdtempSync(join(tmpdir(), 'billing-cli-'));
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run billing', () => {
  it('close, export-debit, simulate-result and import-result from the command line', async () => {
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2026-10' });
    const run = async (...argv: string[]) =>
      await runBillingCommand(argv, { db: ctx.db, sqlite: ctx.sqlite, now: ctx.clock.now() });

    const close = await run('close', '--month', '2026-10');
    expect(close.filter((l) => l.startsWith('OK'))).toHaveLength(4);
    expect((await run('close', '--month', '2026-10'))[0]).toBe('2026-10 was already closed; nothing changed');

    const request = join(dir, 'debit.txt');
    const exported = await run('export-debit', '--month', '2026-10', '--out', request);
    expect(exported[0]).toMatch(/^new debit batch \d+ for 2026-10: \d+ records/);
    expect(exported.filter((l) => l.startsWith('not debited'))).toHaveLength(2);
    const parsed = readDebitFile(readFileSync(request), { kind: 'request' });

    const no = parsed.records[1]!.customerNumber.replace(/^0+/, '');
    const result = join(dir, 'result.txt');
    await run('simulate-result', request, '--out', result, '--fail', `${no}=3`);
    const imported = await run('import-result', result, '--now', '2026-11-27T09:00:00+09:00');
    expect(imported[0]).toMatch(
      /1 failed, 1 on the follow-up list \(carried at the next close\), 1 mandates stopped/,
    );

    const csv = join(dir, 'cable.csv');
    expect((await run('cable-csv', '--month', '2026-10', '--out', csv))[0]).toMatch(/^wrote \d+ rows/);
    expect(readFileSync(csv, 'utf8')).toContain('ゆうあいマーケット月会費（10月分）');
  });

  it('explains bad usage and refusals', async () => {
    const run = async (...argv: string[]) =>
      await runBillingCommand(argv, { db: ctx.db, sqlite: ctx.sqlite, now: ctx.clock.now() });
    await expect(run('close')).rejects.toThrow(/close needs --month/);
    await expect(run('frobnicate')).rejects.toThrow(/usage: npm run billing/);
    await expect(run('export-debit', '--month', '2026-10', '--out', join(dir, 'x'))).rejects.toThrow(
      /month_not_closed/,
    );
    await expect(run('close', '--month', '2026-11')).rejects.toThrow(/month_not_over/);
  });
});
