import { z } from 'zod';
import { decideWatchStep } from '../detector/decide-watch-step';
import { nextCheckDue } from '../detector/next-check-due';
import { decayNormal, learnAnswered, learnFromPresence, type PresenceSlot } from '../detector/learned-normal';
import { localDayIndex } from '../detector/local-time';
import { DEFAULT_SETTINGS, LEARNING_TUNING, type WatchSettings, type WatchState } from '../detector/types';
import {
  acknowledge,
  addAway,
  applyDecision,
  newWatchState,
  recordHeartbeat,
  recordLifeSignIn,
  startLearning,
} from '../detector/watch-state';

/** The server's detector (run-watch-pass.ts): it learns each resident's normal and greets first. */
const TUNING = LEARNING_TUNING;
const SLOT_MS = 15 * 60_000;

interface Resident {
  settings: WatchSettings;
  state: WatchState;
  due: number;
  /**
   * Today's presence in time order (events come in time order), folded into the normal after
   * midnight as the server's learning job does.
   */
  slots: PresenceSlot[];
}

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
  action: 'greet' | 'ask' | 'open' | 'escalate' | 'recover';
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
 * the clock following the events). Fed one line at a time, so a log of any size replays in
 * memory bounded by the number of residents, not the length of the file.
 */
export class WatchReplay {
  /** `due`: before it the detector would say `none` (nextCheckDue, as the server's job plans). */
  private readonly residents = new Map<string, Resident>();
  private clock: number | null = null;
  private nextTick: number | null = null;
  private learnedDay: number | null = null;

  constructor(
    private readonly emit: (step: ReplayStep) => void,
    private readonly tickMs = TICK_MS,
  ) {}

  private runTicksUntil(until: number, inclusive: boolean): void {
    if (this.nextTick === null) return;
    for (; inclusive ? this.nextTick <= until : this.nextTick < until; this.nextTick += this.tickMs) {
      const t = this.nextTick;
      const day = localDayIndex(t);
      if (this.learnedDay !== day) {
        // The server's learning job: the day that ended teaches each resident's normal.
        if (this.learnedDay !== null) for (const r of this.residents.values()) foldDay(r, t);
        this.learnedDay = day;
      }
      for (const [id, r] of this.residents) {
        if (t < r.due) continue;
        const d = decideWatchStep(r.settings, r.state, t, TUNING);
        applyDecision(r.state, d, t, TUNING);
        if (d.kind === 'none') {
          r.due = nextCheckDue(r.settings, r.state, t, TUNING);
          continue;
        }
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
        this.emit(step);
      }
    }
  }

  /** One line of the log; `lineNo` (1-based) is only for the error message. */
  push(line: ReplayLine, lineNo: number): void {
    if (this.clock !== null && line.at < this.clock) {
      throw new ReplayError(`line ${lineNo}: events must be in time order`);
    }
    // The job runs on a fixed 5-minute grid; an event at a tick instant is seen by that tick.
    this.nextTick ??= Math.floor(line.at / this.tickMs) * this.tickMs + this.tickMs;
    this.runTicksUntil(line.at, false);
    this.clock = line.at;
    if (line.type === 'tick') return;
    if (line.type === 'resident') {
      const state = newWatchState(line.at, TUNING);
      startLearning(state, line.at);
      this.residents.set(line.resident, {
        settings: { ...DEFAULT_SETTINGS, ...line.settings, enabledAt: line.at },
        state,
        due: 0,
        slots: [],
      });
      return;
    }
    const r = this.residents.get(line.resident);
    if (!r)
      throw new ReplayError(`line ${lineNo}: resident ${line.resident} has no "resident" line before it`);
    // Anything new about a resident is looked at by the next pass, as on the server.
    r.due = 0;
    if (line.type === 'event') {
      const slot = Math.floor(line.at / SLOT_MS);
      const flag = line.kind === 'heartbeat' || line.kind === 'tv_on' ? 1 : line.kind === 'keys' ? 3 : 4;
      const last = r.slots[r.slots.length - 1];
      if (last?.slot === slot) last.flags |= flag;
      else r.slots.push({ slot, flags: flag });
      if (line.kind === 'heartbeat') recordHeartbeat(r.state, line.at, TUNING);
      else {
        // An answer to a greeting or check is counted at once, as the server's activity writer
        // does; the stretches the TV ran are learnt only from whole days (foldDay).
        const answers = line.kind === 'keys' || line.kind === 'reminder_confirmed';
        const n = r.state.normal;
        if (n && answers && (r.state.check || r.state.greetedAt != null)) learnAnswered(n, line.at, TUNING);
        recordLifeSignIn(r.state, line.kind, line.at, undefined, TUNING);
      }
    } else if (line.type === 'away') {
      if (line.until <= line.from) throw new ReplayError(`line ${lineNo}: away "until" must follow "from"`);
      addAway(r.state, { from: line.from, until: line.until }, line.at);
    } else {
      acknowledge(r.state, line.action, line.at);
    }
  }

  /** Runs the ticks up to the last line's time, inclusive. */
  finish(): void {
    if (this.clock !== null) this.runTicksUntil(this.clock, true);
  }
}

function foldDay(r: Resident, now: number): void {
  const n = r.state.normal;
  if (!n) return;
  if (r.slots.length > 0) {
    learnFromPresence(n, r.settings, r.slots, TUNING);
    r.slots = [];
  }
  decayNormal(n, now, TUNING);
}

/** The whole log at once (tests, small files): every step the detector would take. */
export function replayWatchLog(lines: ReplayLine[], tickMs = TICK_MS): ReplayStep[] {
  const out: ReplayStep[] = [];
  const replay = new WatchReplay((s) => out.push(s), tickMs);
  lines.forEach((line, i) => replay.push(line, i + 1));
  replay.finish();
  return out;
}

const EVENT_KINDS = new Set([
  'heartbeat',
  'keys',
  'tv_on',
  'order',
  'ride',
  'reminder_confirmed',
  'handover',
]);
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The last `at` parsed: consecutive lines of a large log mostly share their second. */
let lastAt = '';
let lastAtMs = NaN;
function instantOf(at: string): number {
  if (at === lastAt) return lastAtMs;
  const ms = ISO_WITH_OFFSET.test(at) ? Date.parse(at) : NaN;
  lastAt = at;
  lastAtMs = ms;
  return ms;
}

const EVENT_PREFIX = '{"type":"event","resident":"';
const AT_KEY = '","at":"';
const KIND_KEY = '","kind":"';

/**
 * The common line — an event, in the key order and spacing engawa writes — taken apart by hand:
 * almost every line of a large log is one, and JSON.parse plus the schema cost more than the
 * rest of the replay. Anything else (other spacing or key order, escapes, anything odd) returns
 * null and goes through JSON.parse and the schema, which give the error message.
 */
function fastEventText(s: string): ReplayLine | null {
  if (!s.startsWith(EVENT_PREFIX) || !s.endsWith('"}')) return null;
  const a = s.indexOf(AT_KEY, EVENT_PREFIX.length);
  if (a < 0) return null;
  const k = s.indexOf(KIND_KEY, a + AT_KEY.length);
  if (k < 0) return null;
  const resident = s.slice(EVENT_PREFIX.length, a);
  const at = s.slice(a + AT_KEY.length, k);
  const kind = s.slice(k + KIND_KEY.length, s.length - 2);
  if (resident === '' || /["\\]/.test(resident) || !EVENT_KINDS.has(kind)) return null;
  const ms = instantOf(at);
  if (Number.isNaN(ms)) return null;
  return { type: 'event', resident, at: ms, kind: kind as 'keys' };
}

/** The same for an event that came through JSON.parse (other spacing or key order). */
function fastEvent(json: unknown): ReplayLine | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  if (o.type !== 'event' || typeof o.resident !== 'string' || o.resident === '') return null;
  if (typeof o.kind !== 'string' || !EVENT_KINDS.has(o.kind)) return null;
  if (typeof o.at !== 'string') return null;
  const at = instantOf(o.at);
  if (Number.isNaN(at)) return null;
  return { type: 'event', resident: o.resident, at, kind: o.kind as 'keys' };
}

/** One raw line: null for a blank line or a '#' comment. */
export function parseReplayLine(raw: string, lineNo: number): ReplayLine | null {
  const s = raw.trim();
  if (s === '' || s.startsWith('#')) return null;
  const quick = fastEventText(s);
  if (quick) return quick;
  let json: unknown;
  try {
    json = JSON.parse(s);
  } catch {
    throw new ReplayError(`line ${lineNo}: not JSON`);
  }
  const fast = fastEvent(json);
  if (fast) return fast;
  const parsed = replayLine.safeParse(json);
  if (!parsed.success)
    throw new ReplayError(`line ${lineNo}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Parses JSON lines; blank lines and lines starting with '#' are skipped. */
export function parseReplayLog(text: string): ReplayLine[] {
  const lines: ReplayLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = parseReplayLine(raw, i + 1);
    if (line) lines.push(line);
  });
  return lines;
}
