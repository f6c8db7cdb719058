import { afterEach, describe, expect, it } from 'vitest';
import type { TaxiRideStatus } from '../../api/taxi.js';
import type { FullScreenMessageSpec } from '../../components/FullScreenMessage.js';
import { startTaxiStatusPolling } from './pollTaxiStatus.js';

const ride = (bookingId: number, minutes: number) => ({
  bookingId,
  minutes,
  message: `タクシーが向かっています（あと約${minutes}分）`,
  place: '自宅',
});

/** A poller with a scripted server answer and a recording overlay; its timers are stopped. */
function setUp(storage = new Map<string, string>()) {
  let status: TaxiRideStatus = { onItsWay: [] };
  const shown: FullScreenMessageSpec[] = [];
  const withdrawn: FullScreenMessageSpec[] = [];
  const answers: Array<(a: 'ok' | 'back') => void> = [];
  const poller = startTaxiStatusPolling({
    fetch: () => Promise.resolve(status),
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    show: (spec) => {
      shown.push(spec);
      return new Promise((resolve) => answers.push(resolve));
    },
    withdraw: (spec) => withdrawn.push(spec),
  });
  poller.stop();
  stops.push(poller.stop);
  return { poller, shown, withdrawn, answers, set: (s: TaxiRideStatus) => (status = s), storage };
}
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('the taxi on its way, over any page', () => {
  it('shows the server’s words once per ride, also across a reload', async () => {
    const t = setUp();
    t.set({ onItsWay: [ride(7, 5)] });
    await t.poller.poll();
    await t.poller.poll();
    expect(t.shown.map((s) => s.body)).toEqual([
      'タクシーが向かっています（あと約5分）。\n自宅にお迎えに行きます。お出かけの準備をしてください。',
    ]);
    t.answers[0]!('ok');

    const reloaded = setUp(t.storage);
    reloaded.set({ onItsWay: [ride(7, 4)] });
    await reloaded.poller.poll();
    expect(reloaded.shown).toEqual([]);
  });

  it('takes the message away once the ride is no longer on its way (picked up)', async () => {
    const t = setUp();
    t.set({ onItsWay: [ride(7, 5)] });
    await t.poller.poll();
    t.set({ onItsWay: [] });
    await t.poller.poll();
    expect(t.withdrawn).toEqual([t.shown[0]]);
  });
});
