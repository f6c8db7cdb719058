import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { residents, staffUsers, watchReminders, watchSettings } from '../../../db/src/schema';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('seedWatch', () => {
  it('enrols most demo residents with consent recorded by the city and adds reminders', async () => {
    ctx = await createTestContext({ now: '2026-11-23T00:00:00Z' });
    const city = (await ctx.db.select().from(staffUsers).where(eq(staffUsers.loginId, 'city')).get())!;
    const all = await ctx.db.select().from(residents).all();
    const enrolled = await ctx.db.select().from(watchSettings).all();
    expect(enrolled.length).toBeGreaterThan(all.length / 2);
    expect(enrolled.length).toBeLessThan(all.length);
    for (const s of enrolled) {
      expect(s.consentStaffId).toBe(city.id);
      expect(s.consentAt.getTime()).toBe(ctx.clock.now().getTime());
    }
    const hanako = all.find((r) => r.name === '山田 花子')!;
    const reminders = await ctx.db
      .select()
      .from(watchReminders)
      .where(eq(watchReminders.residentId, hanako.id))
      .all();
    expect(reminders.map((r) => [r.text, r.recurrence, r.time])).toEqual(
      expect.arrayContaining([
        ['お薬を飲みましょう', 'daily', '08:00'],
        ['燃えるごみの日です', 'weekly', '07:30'],
      ]),
    );
    // The weekly one starts on a Tuesday (2026-11-24), the day after the Monday seed.
    expect(reminders.find((r) => r.recurrence === 'weekly')!.startDate).toBe('2026-11-24');
  });
});
