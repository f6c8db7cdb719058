import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { addRide } from '../../../test/helpers/dashboard-rows';
import { buildDashboardDataset } from '../../../scripts/lib/dashboard-dataset';
import { seedHistory } from '../demo/seed-history';
import { addDays, tokyoDate } from '../lib/tokyo';
import { loadDashboard } from './load-dashboard';
import { lastPeriods, type DashboardRange } from './range';
import { loadDashboardData, refreshSummary, summaryState } from './summary';

// Thursday 3 December 2026, 10:00 in Tokyo.
const NOW = new Date('2026-12-03T10:00:00+09:00');
const DAY_MS = 86_400_000;
let ctx: TestContext;
afterEach(() => ctx?.close());

/** Every view the page offers: weeks and months, the city and each hamlet. */
function views(now: Date): DashboardRange[] {
  const hamlets = ctx.sqlite.prepare('SELECT id FROM hamlets ORDER BY id').all() as { id: number }[];
  return (['week', 'month'] as const).flatMap((unit) => [
    lastPeriods(unit, 12, now),
    ...hamlets.map((h) => lastPeriods(unit, 12, now, h.id)),
  ]);
}

/** The fast path gives exactly the figures of the straightforward computation, view by view. */
async function expectSameAsStraightforward(now: Date) {
  for (const range of views(now))
    expect((await loadDashboardData(ctx.db, range, now)).figures, `${range.unit} ${range.hamletId}`).toEqual(
      await loadDashboard(ctx.db, range, now),
    );
}

const summaryRows = () =>
  ctx.sqlite
    .prepare('SELECT scope, day, key, value, list FROM dashboard_daily ORDER BY scope, day, key')
    .all();

describe('dashboard summary: the fast path equals the straightforward computation', () => {
  it('on the demo with eight weeks of history, before and after the summary is built', async () => {
    ctx = await createTestContext({ now: NOW, seed: true });
    await seedHistory(ctx.db, ctx.sqlite, NOW, { weeks: 8 });
    await expectSameAsStraightforward(NOW);
    const { through, rows } = await refreshSummary(ctx.db, NOW);
    expect(through).toBe('2026-12-03');
    expect(rows).toBeGreaterThan(100);
    await expectSameAsStraightforward(NOW);
    // Later the same day, with the summary of the morning: still the same figures.
    await expectSameAsStraightforward(new Date(NOW.getTime() + 5 * 3_600_000));
  }, 300_000);

  it('on a generated year of 800 households on a fleet of vehicles', async () => {
    ctx = await createTestContext({ now: NOW, seed: true });
    const counts = buildDashboardDataset(ctx.sqlite, { households: 800, now: NOW });
    expect(counts.rides).toBeGreaterThan(3000);
    await refreshSummary(ctx.db, NOW);
    await expectSameAsStraightforward(NOW);
  }, 300_000);
});

describe('dashboard summary maintenance', () => {
  it('is idempotent: a second refresh the same day writes the same rows', async () => {
    ctx = await createTestContext({ now: NOW, seed: true });
    buildDashboardDataset(ctx.sqlite, { households: 200, now: NOW });
    await refreshSummary(ctx.db, NOW);
    const first = summaryRows();
    expect(first.length).toBeGreaterThan(1000);
    await refreshSummary(ctx.db, NOW);
    expect(summaryRows()).toEqual(first);
    expect(await summaryState(ctx.db)).toEqual({ id: 1, through: '2026-12-03', computedAt: NOW });
  });

  it('recomputes a recent day when its rows changed', async () => {
    ctx = await createTestContext({ now: NOW, seed: true });
    buildDashboardDataset(ctx.sqlite, { households: 200, now: NOW });
    await refreshSummary(ctx.db, NOW);
    const yesterday = addDays(tokyoDate(NOW), -1);
    const ridesOf = async () =>
      (await loadDashboardData(ctx.db, lastPeriods('week', 12, NOW), NOW)).figures
        .find((f) => f.id === 'rides')!
        .series[0]!.values.at(-1);
    const before = await ridesOf();
    // A ride of yesterday recorded late (e.g. a tablet that was offline).
    await addRide(ctx.db, {
      householdId: 1000,
      residentId: 1000,
      vehicleId: 1,
      date: yesterday,
      pickup: ['10:00', 35.81, 138.1],
      dropoff: ['10:30', 35.9, 138.12],
    });
    // The summary says as of when it was computed until it is refreshed ...
    expect(await ridesOf()).toBe(before);
    await refreshSummary(ctx.db, new Date(NOW.getTime() + 3_600_000));
    // ... and the refresh recomputes the day.
    expect(await ridesOf()).toBe(before! + 1);
    await expectSameAsStraightforward(NOW);
  });

  it('survives a missed day: the gap is computed live, then filled by the next refresh', async () => {
    ctx = await createTestContext({ now: NOW, seed: true });
    buildDashboardDataset(ctx.sqlite, { households: 200, now: NOW });
    const earlier = new Date(NOW.getTime() - 2 * DAY_MS);
    await refreshSummary(ctx.db, earlier);
    expect((await summaryState(ctx.db))!.through).toBe('2026-12-01');
    // No refresh on the 2nd: the page still gives the right figures on the 3rd.
    await expectSameAsStraightforward(NOW);
    const result = await refreshSummary(ctx.db, NOW);
    expect(result.from <= '2026-12-01').toBe(true);
    const days = ctx.sqlite
      .prepare(
        "SELECT DISTINCT day FROM dashboard_daily WHERE scope = 0 AND day >= '2026-12-01' ORDER BY day",
      )
      .all();
    expect(days).toEqual([{ day: '2026-12-01' }, { day: '2026-12-02' }]);
    await expectSameAsStraightforward(NOW);
  });
});
