import type { StaffRole } from '../../../db/src/schema';
import { inHamletScope, type StaffScope } from '../auth/scope';
import type { Logger } from '../lib/logger';

/**
 * A topic is the board family an event concerns; a board subscribes to the topics it shows.
 * Which roles may hear a topic at all is fixed here; the staff scope (own hamlets) narrows it.
 */
export const LIVE_TOPICS = {
  taxi: ['city_staff', 'call_centre', 'driver'],
  drone: ['drone_operator', 'support_worker', 'city_staff', 'store_staff'],
  watch: ['support_worker', 'city_staff', 'call_centre'],
  shop: ['store_staff', 'support_worker', 'city_staff', 'call_centre'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type LiveTopic = keyof typeof LIVE_TOPICS;
export const isLiveTopic = (t: string): t is LiveTopic => Object.hasOwn(LIVE_TOPICS, t);

export interface LiveEvent {
  topic: LiveTopic;
  /** e.g. `ride.picked_up`, `flight.launched`, `alert.opened`. */
  type: string;
  /** The hamlet the event concerns; null = municipality-wide (seen by every role of the topic). */
  hamletId: number | null;
  /** A driver hears only the rides of the vehicle they hold. */
  vehicleId?: number | null;
  /** Small, non-personal payload: ids and the new state. Boards re-fetch what they show. */
  data?: Record<string, string | number | null>;
}

/** An event as delivered: numbered by the hub so a reconnecting board can say what it last saw. */
export interface DeliveredEvent extends LiveEvent {
  id: number;
}

export interface LiveSubscriber {
  role: StaffRole;
  scope: StaffScope;
  topics: ReadonlySet<LiveTopic>;
  /** The vehicle a driver holds (null: none, so no ride events). */
  vehicleId?: number | null;
  deliver(e: DeliveredEvent): void;
}

/**
 * Where business code announces what just changed. Kept this small so a multi-process deployment
 * can put PostgreSQL LISTEN/NOTIFY (or anything else) behind it without touching publishers.
 */
export interface LiveHub {
  /** Call after the transaction committed. Never throws: a live update is not worth a failed write. */
  publish(e: LiveEvent): void;
  subscribe(s: LiveSubscriber): () => void;
  /** Events after `lastId` still in the replay buffer that `s` may see (for Last-Event-ID). */
  since(lastId: number, s: Omit<LiveSubscriber, 'deliver'>): DeliveredEvent[];
  subscriberCount(): number;
}

export function mayReceive(s: Omit<LiveSubscriber, 'deliver'>, e: LiveEvent): boolean {
  if (!s.topics.has(e.topic)) return false;
  const roles: readonly StaffRole[] = LIVE_TOPICS[e.topic];
  if (s.role !== 'admin' && !roles.includes(s.role)) return false;
  if (s.role === 'driver' && e.topic === 'taxi')
    return s.vehicleId != null && e.vehicleId != null && s.vehicleId === e.vehicleId;
  // An event without a hamlet is municipality-wide only for unlimited scopes; a support worker
  // hears what happens in their own hamlets and nothing else.
  if (e.hamletId === null) return s.scope.hamletIds === null;
  return inHamletScope(s.scope, e.hamletId);
}

/** One process, in memory: a set of subscribers and a short replay buffer for reconnects. */
export function createLocalHub(logger?: Logger, bufferSize = 500): LiveHub {
  const subs = new Set<LiveSubscriber>();
  const buffer: DeliveredEvent[] = [];
  let nextId = 1;
  return {
    publish(e) {
      try {
        const d: DeliveredEvent = { ...e, id: nextId++ };
        buffer.push(d);
        if (buffer.length > bufferSize) buffer.shift();
        for (const s of subs) {
          if (!mayReceive(s, d)) continue;
          try {
            s.deliver(d);
          } catch (err) {
            logger?.warn({ err, type: e.type }, 'live delivery failed');
          }
        }
      } catch (err) {
        logger?.error({ err, type: e.type }, 'live publish failed');
      }
    },
    subscribe(s) {
      subs.add(s);
      return () => subs.delete(s);
    },
    since(lastId, s) {
      return buffer.filter((e) => e.id > lastId && mayReceive(s, e));
    },
    subscriberCount: () => subs.size,
  };
}
