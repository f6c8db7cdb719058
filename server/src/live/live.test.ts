import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { households, staffUsers, taxiBookings, watchAlerts } from '../../../db/src/schema';
import { publishOpenedAlerts } from '../watch/live-events';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { UNLIMITED_SCOPE } from '../auth/scope';
import { accepted, loginDriverOf, residentsOf, TUESDAY_0930 } from '../taxi/test-support';
import { createLocalHub, type DeliveredEvent, type LiveSubscriber, type LiveTopic } from './hub';
import { hubOf } from './publish';

const sub = (
  over: Partial<LiveSubscriber> & Pick<LiveSubscriber, 'role'>,
  got: DeliveredEvent[],
  topics: LiveTopic[] = ['taxi', 'drone', 'watch'],
): LiveSubscriber => ({
  scope: UNLIMITED_SCOPE,
  topics: new Set(topics),
  deliver: (e) => got.push(e),
  ...over,
});

describe('live hub', () => {
  it('a support worker hears their own hamlet only, city staff hear every hamlet', () => {
    const hub = createLocalHub();
    const own: DeliveredEvent[] = [];
    const city: DeliveredEvent[] = [];
    hub.subscribe(sub({ role: 'support_worker', scope: { sellerIds: null, hamletIds: [1] } }, own));
    hub.subscribe(sub({ role: 'city_staff' }, city));
    hub.publish({ topic: 'watch', type: 'alert.opened', hamletId: 1, data: { alertId: 7 } });
    hub.publish({ topic: 'watch', type: 'alert.opened', hamletId: 2, data: { alertId: 8 } });
    hub.publish({ topic: 'drone', type: 'flight.launched', hamletId: null });
    expect(own.map((e) => e.data?.alertId)).toEqual([7]);
    expect(city.map((e) => e.type)).toEqual(['alert.opened', 'alert.opened', 'flight.launched']);
  });

  it('a role outside a topic, or a board not subscribed to it, hears nothing of it', () => {
    const hub = createLocalHub();
    const store: DeliveredEvent[] = [];
    const taxiOnly: DeliveredEvent[] = [];
    hub.subscribe(sub({ role: 'store_staff', scope: { sellerIds: [1], hamletIds: null } }, store));
    hub.subscribe(sub({ role: 'city_staff' }, taxiOnly, ['taxi']));
    hub.publish({ topic: 'watch', type: 'alert.opened', hamletId: 1 });
    expect(store).toEqual([]);
    expect(taxiOnly).toEqual([]);
  });

  it('a driver hears the rides of the vehicle they hold, not the others', () => {
    const hub = createLocalHub();
    const got: DeliveredEvent[] = [];
    hub.subscribe(sub({ role: 'driver', vehicleId: 2 }, got));
    hub.publish({ topic: 'taxi', type: 'ride.picked_up', hamletId: 1, vehicleId: 1 });
    hub.publish({ topic: 'taxi', type: 'ride.picked_up', hamletId: 1, vehicleId: 2 });
    expect(got.map((e) => e.vehicleId)).toEqual([2]);
  });

  it('a failing board does not stop the others nor the publisher; unsubscribe stops delivery', () => {
    const hub = createLocalHub();
    const got: DeliveredEvent[] = [];
    hub.subscribe({
      ...sub({ role: 'city_staff' }, []),
      deliver: () => {
        throw new Error('socket gone');
      },
    });
    const off = hub.subscribe(sub({ role: 'city_staff' }, got));
    expect(() => hub.publish({ topic: 'taxi', type: 'ride.picked_up', hamletId: 1 })).not.toThrow();
    off();
    hub.publish({ topic: 'taxi', type: 'ride.dropped_off', hamletId: 1 });
    expect(got.map((e) => e.type)).toEqual(['ride.picked_up']);
    expect(hub.subscriberCount()).toBe(1);
  });

  it('replays what a reconnecting board missed, within its scope', () => {
    const hub = createLocalHub();
    hub.publish({ topic: 'watch', type: 'alert.opened', hamletId: 1 });
    hub.publish({ topic: 'watch', type: 'alert.opened', hamletId: 2 });
    hub.publish({ topic: 'watch', type: 'alert.acknowledged', hamletId: 1 });
    const who = {
      role: 'support_worker' as const,
      scope: { sellerIds: null, hamletIds: [1] },
      topics: new Set<LiveTopic>(['watch']),
    };
    expect(hub.since(1, who).map((e) => [e.id, e.type])).toEqual([[3, 'alert.acknowledged']]);
  });
});

/** Reads SSE `data:` lines from a streaming response until `n` events arrived. */
async function readEvents(res: Response, n: number, timeoutMs = 3000) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { id: string; data: { type: string; data: Record<string, unknown> } }[] = [];
  let buf = '';
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (events.length < n) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        const id = block.split('\n').find((l) => l.startsWith('id: '));
        if (data) events.push({ id: id?.slice(4) ?? '', data: JSON.parse(data.slice(6)) });
      }
    }
  } finally {
    clearTimeout(deadline);
    await reader.cancel().catch(() => undefined);
  }
  return events;
}

describe('GET /console/live', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext({ now: TUESDAY_0930 });
  });
  afterEach(() => ctx.close());

  it('streams a driver’s pickup to city staff, and nothing of another hamlet to a support worker', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const vehicleId = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!
      .vehicleId;
    const hamletOf1 = (await ctx.db.select().from(households).where(eq(households.id, 1)).get())!.hamletId;
    const city = await ctx.login('city');
    const stream = await ctx.request('/console/live?topics=taxi', { headers: city });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');

    const driver = await loginDriverOf(ctx, vehicleId);
    const pickup = await ctx.request(`/api/taxi/driver/bookings/${b.id}/pickup`, {
      method: 'POST',
      headers: driver,
    });
    expect(pickup.status).toBe(200);
    const [e] = await readEvents(stream, 1);
    expect(e!.data).toMatchObject({ type: 'ride.picked_up', data: { bookingId: b.id, status: 'on_board' } });

    // the support worker of another hamlet hears nothing: their stream stays silent
    const other = (
      await ctx.db.select().from(staffUsers).where(eq(staffUsers.role, 'support_worker')).all()
    ).find((s) => s.hamletId !== hamletOf1)!;
    const sw = await ctx.login(other.loginId);
    hubOf(ctx.deps).publish({ topic: 'watch', type: 'alert.opened', hamletId: hamletOf1 });
    hubOf(ctx.deps).publish({
      topic: 'watch',
      type: 'alert.opened',
      hamletId: other.hamletId,
      data: { n: 2 },
    });
    const swStream = await ctx.request('/console/live?topics=watch', {
      headers: { ...sw, 'last-event-id': e!.id },
    });
    const replay = await readEvents(swStream, 1);
    expect(replay.map((r) => r.data.data)).toEqual([{ n: 2 }]);
  });

  it('an alert opened by the watch pass reaches the support worker of its hamlet, not the other', async () => {
    const hamletOf1 = (await ctx.db.select().from(households).where(eq(households.id, 1)).get())!.hamletId;
    const [resident] = await residentsOf(ctx, 1);
    const workers = await ctx.db.select().from(staffUsers).where(eq(staffUsers.role, 'support_worker')).all();
    const own = workers.find((w) => w.hamletId === hamletOf1)!;
    const other = workers.find((w) => w.hamletId !== hamletOf1)!;
    const ownStream = await ctx.request('/console/live?topics=watch', {
      headers: await ctx.login(own.loginId),
    });
    const otherStream = await ctx.request('/console/live?topics=watch', {
      headers: await ctx.login(other.loginId),
    });
    const now = ctx.clock.now();
    // arrangement: the row a watch pass writes when it opens an alert
    const alert = await ctx.db
      .insert(watchAlerts)
      .values({
        residentId: resident!,
        condition: 'no_activity',
        reasonCode: 'test',
        reasonJa: 'テスト',
        openedAt: now,
        stepAt: now,
      })
      .returning()
      .get();
    await publishOpenedAlerts(ctx.deps, now);
    const [e] = await readEvents(ownStream, 1);
    expect(e!.data).toMatchObject({ type: 'alert.opened', data: { alertId: alert.id } });
    expect(await readEvents(otherStream, 1, 500)).toEqual([]);
  });

  it('refuses an anonymous visitor and unknown topics', async () => {
    expect((await ctx.request('/console/live?topics=taxi')).status).toBe(401);
    const city = await ctx.login('city');
    expect((await ctx.request('/console/live?topics=secrets', { headers: city })).status).toBe(400);
  });
});
