import { getTaxiRideStatus, type TaxiRideStatus } from '../../api/taxi.js';
import type { FullScreenMessageSpec } from '../../components/FullScreenMessage.js';
import { showOverlay, withdrawOverlay } from '../../ui.js';

/** Often enough that 「あと約5分」 is still true when shown; one indexed query per box. */
export const TAXI_STATUS_POLL_MS = 20_000;

const SHOWN_KEY = 'engawa.taxiOnItsWayShown';
/** Ride ids kept as "already told", newest last; a household has a handful of rides a day. */
const SHOWN_LIMIT = 20;

export interface TaxiStatusPollerOptions {
  intervalMs?: number;
  fetch?: () => Promise<TaxiRideStatus>;
  /** Remembers which rides were announced, so a reload does not announce them again. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  show?: (spec: FullScreenMessageSpec) => Promise<unknown>;
  withdraw?: (spec: FullScreenMessageSpec) => void;
}

function readShown(storage: TaxiStatusPollerOptions['storage']): number[] {
  try {
    const v: unknown = JSON.parse(storage?.getItem(SHOWN_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

/**
 * 「タクシーが向かっています（あと約◯分）」 over any page once the driver sets off for the household's
 * pickup: shown and read aloud once per ride (決定 or 戻る closes it for good), and taken away by
 * itself if the ride stops being on its way (picked up) before the resident answered.
 */
export function startTaxiStatusPolling(options: TaxiStatusPollerOptions = {}): {
  stop(): void;
  poll(): Promise<void>;
} {
  const fetchStatus = options.fetch ?? (() => getTaxiRideStatus());
  const storage = options.storage;
  const show = options.show ?? showOverlay;
  const withdraw = options.withdraw ?? withdrawOverlay;
  const shown = new Set(readShown(storage));
  /** Messages on screen (or queued) by ride id, to withdraw once the ride is no longer on its way. */
  const open = new Map<number, FullScreenMessageSpec>();
  let busy = false;

  const remember = (id: number) => {
    shown.add(id);
    try {
      storage?.setItem(SHOWN_KEY, JSON.stringify([...shown].slice(-SHOWN_LIMIT)));
    } catch {
      // storage full or unavailable: the in-memory set still shows each ride once
    }
  };

  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const status = await fetchStatus();
      const onItsWay = new Set(status.onItsWay.map((r) => r.bookingId));
      for (const [id, spec] of open) if (!onItsWay.has(id)) withdraw(spec);
      for (const ride of status.onItsWay) {
        if (shown.has(ride.bookingId)) continue;
        remember(ride.bookingId);
        // the server's sentence is the body: the title is one line, the body wraps
        const spec: FullScreenMessageSpec = {
          title: 'お迎えのタクシー',
          body: `${ride.message}。\n${ride.place}にお迎えに行きます。お出かけの準備をしてください。`,
          hint: '決定ボタンを押してください',
        };
        open.set(ride.bookingId, spec);
        // not awaited: the next poll must be able to withdraw it while it is shown
        void show(spec).finally(() => open.delete(ride.bookingId));
      }
    } catch {
      // offline or not registered: try again on the next poll
    } finally {
      busy = false;
    }
  };
  // a little after start-up, so the first screen and its read-aloud are not competing with it
  const first = setTimeout(() => void poll(), 5_000);
  const timer = setInterval(() => void poll(), options.intervalMs ?? TAXI_STATUS_POLL_MS);
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
    poll,
  };
}
