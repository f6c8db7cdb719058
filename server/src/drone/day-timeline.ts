import type { DroneFlightStatus } from '../../../db/src/schema';

/** What one flight contributes to the day: its plan and what actually happened, as instants. */
export interface TimelineFlight {
  seq: number;
  hallName: string;
  status: DroneFlightStatus;
  carried: boolean;
  plannedDepartAt: Date;
  launchedAt: Date | null;
  landedAt: Date | null;
  returnedAt: Date | null;
  abortedAt: Date | null;
  abortReason: string | null;
}

export interface TimelineInput {
  now: Date;
  cutoffAt: Date;
  packing: { total: number; packed: number; firstAt: Date | null; lastAt: Date | null };
  flights: TimelineFlight[];
  /** Car parcels leaving the port or reaching a hall, per hall and step (first time). */
  carMoves: { hallName: string; step: 'dispatch' | 'arrive'; at: Date; parcels: number }[];
  /** Parcels handed over at a hall (last time), per hall. */
  handovers: { hallName: string; at: Date; parcels: number }[];
}

export type TimelineKind = 'cutoff' | 'packing' | 'flight' | 'car' | 'handover';

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  /** Japanese, e.g. 「便2 中尾公民館 離陸」. */
  label: string;
  /** done: it happened; due: planned and its time has passed; ahead: planned, still to come. */
  state: 'done' | 'due' | 'ahead';
  carried?: boolean;
}

const ORDER: Record<TimelineKind, number> = { cutoff: 0, packing: 1, flight: 2, car: 3, handover: 4 };

/**
 * The drone base's day in order: cut-off → packing → each flight's steps → car runs → handovers
 * at the halls. Planned steps sit at their planned time until they happen, so the operator sees
 * what is late (`due`) against the current time.
 */
export function buildTimeline(input: TimelineInput): { entries: TimelineEntry[]; nowIndex: number } {
  const { now } = input;
  const planned = (at: Date): TimelineEntry['state'] => (at <= now ? 'due' : 'ahead');
  const entries: TimelineEntry[] = [
    {
      at: input.cutoffAt,
      kind: 'cutoff',
      label: '注文の締め切り',
      state: input.cutoffAt <= now ? 'done' : 'ahead',
    },
  ];
  const p = input.packing;
  if (p.total > 0) {
    entries.push({
      at: p.lastAt ?? p.firstAt ?? input.cutoffAt,
      kind: 'packing',
      label: `梱包 ${p.packed}/${p.total}個`,
      state: p.packed >= p.total ? 'done' : p.packed > 0 ? 'due' : 'ahead',
    });
  }
  for (const f of input.flights) {
    const name = `便${f.seq} ${f.hallName}`;
    const carried = f.carried || undefined;
    const step = (at: Date, what: string) =>
      entries.push({ at, kind: 'flight', label: `${name} ${what}`, state: 'done', carried });
    if (f.status === 'cancelled') {
      step(f.plannedDepartAt, '取り消し（車に変更）');
      continue;
    }
    if (f.launchedAt) step(f.launchedAt, '離陸');
    else if (f.status === 'planned')
      entries.push({
        at: f.plannedDepartAt,
        kind: 'flight',
        label: `${name} 離陸予定`,
        state: planned(f.plannedDepartAt),
        carried,
      });
    if (f.landedAt) step(f.landedAt, '着陸');
    if (f.returnedAt) step(f.returnedAt, '帰還');
    if (f.abortedAt) step(f.abortedAt, `中止${f.abortReason ? `（${f.abortReason}）` : ''}`);
  }
  for (const m of input.carMoves)
    entries.push({
      at: m.at,
      kind: 'car',
      label: `車 ${m.hallName} ${m.step === 'dispatch' ? '出発' : '到着'}（${m.parcels}個）`,
      state: 'done',
    });
  for (const h of input.handovers)
    entries.push({
      at: h.at,
      kind: 'handover',
      label: `お渡し ${h.hallName}（${h.parcels}個）`,
      state: 'done',
    });
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.kind] - ORDER[b.kind]);
  const after = entries.findIndex((e) => e.at > now);
  return { entries, nowIndex: after === -1 ? entries.length : after };
}
