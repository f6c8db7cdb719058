/**
 * What is read aloud when, as pure rules beside the speech adapter (`announcer.ts`).
 *
 * - `confirm`: the answer to something the resident did (「注文を取り消しました」, a toast, a step of
 *   the taxi flow). Never cut: confirmations are read in order, each to the end.
 * - `intro`: a page's greeting or instructions on arrival. Not cut by focus moves on that page;
 *   arriving on another page drops it, since it no longer describes the screen.
 * - `focus`: where focus is. The latest wins: it replaces focus speech under way at once, and waits
 *   for a confirmation or an intro to finish. When a confirmation or an intro cut focus speech, the
 *   focus as it is then (`focusNow`: it may have moved without a focus announcement, e.g. a list
 *   reloaded under it) is read afterwards, so the resident still hears where they are.
 */
export type SpeechKind = 'confirm' | 'intro' | 'focus';

export interface SpeechEngine {
  /** Starts reading `text`; the adapter calls `SpeechQueue.ended(id)` when it has been read. */
  start(id: number, text: string): void;
  /** Stops whatever is being read; its `ended` (if any still arrives) is ignored. */
  stop(): void;
}

interface Utterance {
  id: number;
  text: string;
  kind: SpeechKind;
}

export class SpeechQueue {
  private _current: Utterance | undefined;
  /** Confirmations and intros, read in order before any focus speech. */
  private _queue: Utterance[] = [];
  private _focus: Utterance | undefined;
  private _rereadFocus = false;
  private _nextId = 1;

  constructor(
    private readonly _engine: SpeechEngine,
    private readonly _focusNow: () => string | undefined = () => undefined,
  ) {}

  /** What is being read now (for tests and the test hook). */
  get current(): { text: string; kind: SpeechKind } | undefined {
    return this._current && { text: this._current.text, kind: this._current.kind };
  }

  say(text: string, kind: SpeechKind): void {
    if (!text) return;
    const u = { id: this._nextId++, text, kind };
    if (kind === 'focus') {
      this._focus = u;
      this._rereadFocus = false;
      if (this._current?.kind === 'focus') this._interrupt();
    } else {
      if (kind === 'intro') this._dropIntros();
      this._queue.push(u);
      if (this._current?.kind === 'focus') {
        this._rereadFocus = !this._focus;
        this._interrupt();
      }
    }
    this._startNext();
  }

  /** Arriving on another page: its predecessor's intro no longer describes the screen. */
  leavePage(): void {
    this._dropIntros();
    this._startNext();
  }

  private _dropIntros(): void {
    this._queue = this._queue.filter((u) => u.kind !== 'intro');
    if (this._current?.kind === 'intro') this._interrupt();
  }

  /** The engine finished (or failed) reading utterance `id`. */
  ended(id: number): void {
    if (this._current?.id !== id) return;
    this._current = undefined;
    this._startNext();
  }

  /** Silence at once, forgetting everything waiting. */
  clear(): void {
    this._queue = [];
    this._focus = undefined;
    this._rereadFocus = false;
    if (this._current) this._interrupt();
  }

  private _interrupt(): void {
    this._current = undefined;
    this._engine.stop();
  }

  private _startNext(): void {
    if (this._current) return;
    if (this._queue.length === 0 && !this._focus && this._rereadFocus) {
      this._rereadFocus = false;
      const text = this._focusNow();
      if (text) this._focus = { id: this._nextId++, text, kind: 'focus' };
    }
    const next = this._queue.shift() ?? this._focus;
    if (!next) return;
    if (next === this._focus) this._focus = undefined;
    this._current = next;
    this._engine.start(next.id, next.text);
  }
}
