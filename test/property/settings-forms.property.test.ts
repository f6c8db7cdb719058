import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, shopSettings } from '../../db/src/schema';
import type { TaxiSettings } from '../../server/src/taxi/taxi-settings';
import { createTestContext } from '../helpers/context';

/**
 * Whatever a settings form accepts, residents' routes keep answering 2xx/4xx: a setting that
 * would break a feature is refused when saved, and a feature reads any stored setting without a 5xx.
 */
const ctx = await createTestContext({ now: '2026-11-24T00:30:00Z' }); // Tue 09:30 Tokyo
let city: Record<string, string>;
let productId: number;
let key = 0;
const accepted = { shop: 0, taxi: 0 };
let defaultTaxiSettings: TaxiSettings;
beforeAll(async () => {
  city = await ctx.login('city');
  defaultTaxiSettings = (await (
    await ctx.request('/api/taxi/city/settings', { headers: city })
  ).json()) as TaxiSettings;
  productId = (await ctx.db.select({ id: products.id }).from(products).limit(1).get())!.id;
});
afterAll(() => ctx.close());

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const soonDate = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(Date.UTC(2026, 10, 24 + d)).toISOString().slice(0, 10));
/** Sometimes a whole year closed: the calendar then has no delivery day at all. */
const closedDates = fc.oneof(
  fc.array(soonDate, { maxLength: 8 }),
  fc.constant(
    Array.from({ length: 400 }, (_, d) => new Date(Date.UTC(2026, 10, 24 + d)).toISOString().slice(0, 10)),
  ),
);
const moments = fc.constantFrom(
  '2026-11-24T00:30:00Z', // Tue 09:30
  '2026-11-24T02:30:00Z', // Tue 11:30, after the usual cut-off
  '2026-11-24T07:00:00Z', // Tue 16:00 (one day, so the staff session stays valid)
);

/** What residents do with the shop and the taxi: none may answer 5xx. */
async function residentsRoutes(moment: string) {
  ctx.clock.set(moment);
  const box = ctx.device(1);
  const answers = [
    await ctx.request('/api/shop/delivery-info', { headers: box }),
    await ctx.json(
      'POST',
      '/api/shop/orders',
      { idempotencyKey: `prop-${++key}-key`, lines: [{ productId, qty: 1 }] },
      box,
    ),
    await ctx.request('/api/shop/orders', { headers: box }),
    await ctx.request('/api/taxi/options', { headers: box }),
    await ctx.json(
      'POST',
      '/api/taxi/bookings',
      {
        idempotencyKey: `prop-${++key}-key`,
        riderIds: [1],
        from: { kind: 'home' },
        to: { kind: 'place', placeId: 1 },
        timeKind: 'arrive_by',
        time: '13:00',
      },
      box,
    ),
    await ctx.request('/api/taxi/bookings', { headers: box }),
    await ctx.request('/api/tv/me', { headers: box }),
  ];
  for (const res of answers) expect(res.status, `${res.url} ${await res.clone().text()}`).toBeLessThan(500);
}

describe('settings forms never leave residents a 5xx', () => {
  it('shop calendar form: any accepted value keeps delivery-info and ordering 2xx/4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          cutoff: hhmm,
          weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
          holidays: fc.boolean(),
          closed: closedDates,
          open: fc.array(soonDate, { maxLength: 3 }),
          maxOrderWeightG: fc.integer({ min: 0, max: 60_000 }),
          maxLinesPerOrder: fc.integer({ min: 0, max: 120 }),
        }),
        moments,
        async (f, moment) => {
          const body = new URLSearchParams({
            cutoff: f.cutoff,
            closedDates: f.closed.join(','),
            openDates: f.open.join(','),
            maxOrderWeightG: String(f.maxOrderWeightG),
            maxLinesPerOrder: String(f.maxLinesPerOrder),
            ...(f.holidays ? { observePublicHolidays: '1' } : {}),
          });
          for (const w of f.weekdays) body.append('weekday', String(w));
          const saved = await ctx.request('/console/shop/settings', {
            method: 'POST',
            redirect: 'manual',
            headers: { ...city, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
            body: body.toString(),
          });
          expect([303, 400]).toContain(saved.status);
          if (saved.status === 303) accepted.shop++;
          if (f.weekdays.length === 0) expect(saved.status).toBe(400);
          await residentsRoutes(moment);
        },
      ),
      { numRuns: 25, seed: 12 },
    );
    expect(accepted.shop).toBeGreaterThan(0);
  });

  it('taxi settings: any accepted value keeps options and booking 2xx/4xx', async () => {
    const hours = fc.record({
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
      start: hhmm,
      end: hhmm,
      closedOnHolidays: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          hours,
          areaHours: fc.dictionary(fc.constantFrom('1', '2', '99'), hours, { maxKeys: 2 }),
          minNoticeMinutes: fc.integer({ min: 0, max: 240 }),
          pickupWindowMinutes: fc.integer({ min: 5, max: 30 }),
          noShowGraceMinutes: fc.integer({ min: 0, max: 60 }),
          standard: fc.integer({ min: 0, max: 2000 }),
          tv: fc.integer({ min: 0, max: 3000 }),
        }),
        moments,
        async (f, moment) => {
          const value = {
            ...defaultTaxiSettings,
            hours: f.hours,
            areaHours: f.areaHours,
            minNoticeMinutes: f.minNoticeMinutes,
            pickupWindowMinutes: f.pickupWindowMinutes,
            noShowGraceMinutes: f.noShowGraceMinutes,
            fares: {
              ...defaultTaxiSettings.fares,
              standard: f.standard,
              channelDiscount: { tv: f.tv, call_centre: 0 },
            },
          };
          const saved = await ctx.json('PUT', '/api/taxi/city/settings', value, city);
          expect([200, 400]).toContain(saved.status);
          if (saved.status === 200) accepted.taxi++;
          if (f.hours.weekdays.length === 0 || f.hours.start >= f.hours.end) expect(saved.status).toBe(400);
          if (f.tv > f.standard) expect(saved.status).toBe(400);
          await residentsRoutes(moment);
        },
      ),
      { numRuns: 25, seed: 12 },
    );
    expect(accepted.taxi).toBeGreaterThan(0);
  });

  it('a calendar stored without a delivery day (not through the form) gives residents a message, not a 500', async () => {
    ctx.clock.set('2026-11-24T00:30:00Z');
    await ctx.db
      .insert(shopSettings)
      .values({
        id: 1,
        calendar: {
          cutoff: '11:00',
          deliveryWeekdays: [],
          observePublicHolidays: true,
          closedDates: [],
          openDates: [],
        },
        maxOrderWeightG: 15_000,
        maxLinesPerOrder: 30,
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoUpdate({
        target: shopSettings.id,
        set: {
          calendar: {
            cutoff: '11:00',
            deliveryWeekdays: [],
            observePublicHolidays: true,
            closedDates: [],
            openDates: [],
          },
        },
      })
      .run();
    const box = ctx.device(1);
    const info = await ctx.request('/api/shop/delivery-info', { headers: box });
    expect(info.status).toBe(422);
    expect(((await info.json()) as { error: { message: string } }).error.message).toContain(
      'お届けできる日がありません',
    );
    const order = await ctx.json(
      'POST',
      '/api/shop/orders',
      { idempotencyKey: 'stored-bad-1', lines: [{ productId, qty: 1 }] },
      box,
    );
    expect(order.status).toBe(422);
  });
});
