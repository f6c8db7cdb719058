import { z } from 'zod';
import { decideWatchStep } from '../detector/decide-watch-step';
import { DEFAULT_SETTINGS, DEFAULT_TUNING, type WatchSettings, type WatchState } from '../detector/types';
import {
  acknowledge,
  addAway,
  applyDecision,
  newWatchState,
  recordHeartbeat,
  recordLifeSignIn,
} from '../detector/watch-state';

const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const settingsInput = z
  .object({
    thresholdMinutes: z.number().int().positive(),
    noKeyMinutes: z.number().int().positive(),
    quietStartMinute: z.number().int().min(0).max(1439),
    quietEndMinute: z.number().int().min(0).max(1439),
    contactCount: z.number().int().min(0).max(10),
    hasSupportWorker: z.boolean(),
    supportWorkerFirst: z.boolean(),
    escalateAfterMinutes: z.number().int().positive(),
  })
  .partial()
  .strict();

/** One line of a replay log; see docs/watching.md. */
export const replayLine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('resident'),
    resident: z.string().min(1),
    at: instant,
    settings: settingsInput.optional(),
  }),
  z.object({
    type: z.literal('event'),
    resident: z.string().min(1),
    at: instant,
    kind: z.enum(['heartbeat', 'keys', 'tv_on', 'order', 'ride', 'reminder_confirmed', 'handover']),
  }),
  z.object({
    type: z.literal('away'),
    resident: z.string().min(1),
    at: instant,
    from: instant,
    until: instant,
  }),
  z.object({
    type: z.literal('ack'),
    resident: z.string().min(1),
    at: instant,
    action: z.enum(['reached', 'visiting', 'fine']),
  }),
  z.object({ type: z.literal('tick'), at: instant }),
]);
export type ReplayLine = z.infer<typeof replayLine>;

export interface ReplayStep {
  resident: string;
  at: string;
  action: 'ask' | 'open' | 'escalate' | 'recover';
  condition?: string;
  step?: number;
  tier?: string;
  contactIndex?: number;
  reasonCode?: string;
  reason?: string;
  reasonEn?: string;
}

export class ReplayError extends Error {}

const TICK_MS = 5 * 60_000;

/**
 * Runs the detector over a log in time order, as the server's job would (every 5 minutes,
 * the clock following the events), and returns every step it would take.
 */
export function replayWatchLog(lines: ReplayLine[], tickMs = TICK_MS): ReplayStep[] {
  const residents = new Map<string, { settings: WatchSettings; state: WatchState }>();
  const out: ReplayStep[] = [];
  let clock: number | null = null;
  let nextTick: number | null = null;

  const runTicksUntil = (until: number, inclusive: boolean) => {
    if (nextTick === null) return;
    for (; inclusive ? nextTick <= until : nextTick < until; nextTick += tickMs) {
      const t = nextTick;
      for (const [id, r] of residents) {
        const d = decideWatchStep(r.settings, r.state, t, DEFAULT_TUNING);
        applyDecision(r.state, d, t);
        if (d.kind === 'none') continue;
        const step: ReplayStep = { resident: id, at: new Date(t).toISOString(), action: d.kind };
        if (d.kind === 'open' || d.kind === 'escalate') {
          step.condition = d.condition;
          step.step = d.step;
          step.tier = d.tier.kind;
          if ('index' in d.tier) step.contactIndex = d.tier.index;
          step.reasonCode = d.reason.code;
          step.reason = d.reason.ja;
          step.reasonEn = d.reason.en;
        } else if (d.kind === 'recover') step.condition = d.condition;
        out.push(step);
      }
    }
  };

  lines.forEach((line, i) => {
    if (clock !== null && line.at < clock) {
      throw new ReplayError(`line ${i + 1}: events must be in time order`);
    }
    // The job runs on a fixed 5-minute grid; an event at a tick instant is seen by that tick.
    nextTick ??= Math.floor(line.at / tickMs) * tickMs + tickMs;
    runTicksUntil(line.at, false);
    clock = line.at;
    if (line.type === 'tick') return;
    if (line.type === 'resident') {
      residents.set(line.resident, {
        settings: { ...DEFAULT_SETTINGS, ...line.settings, enabledAt: line.at },
        state: newWatchState(line.at),
      });
      return;
    }
    const r = residents.get(line.resident);
    if (!r)
      throw new ReplayError(`line ${i + 1}: resident ${line.resident} has no "resident" line before it`);
    if (line.type === 'event') {
      if (line.kind === 'heartbeat') recordHeartbeat(r.state, line.at);
      else recordLifeSignIn(r.state, line.kind, line.at);
    } else if (line.type === 'away') {
      if (line.until <= line.from) throw new ReplayError(`line ${i + 1}: away "until" must follow "from"`);
      addAway(r.state, { from: line.from, until: line.until }, line.at);
    } else {
      acknowledge(r.state, line.action, line.at);
    }
  });
  if (clock !== null) runTicksUntil(clock, true);
  return out;
}

/** Parses JSON lines; blank lines and lines starting with '#' are skipped. */
export function parseReplayLog(text: string): ReplayLine[] {
  const lines: ReplayLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const s = raw.trim();
    if (s === '' || s.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      throw new ReplayError(`line ${i + 1}: not JSON`);
    }
    const parsed = replayLine.safeParse(json);
    if (!parsed.success)
      throw new ReplayError(`line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    lines.push(parsed.data);
  });
  return lines;
}
