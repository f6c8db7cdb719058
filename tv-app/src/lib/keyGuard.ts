/**
 * The one rule that keeps a held or bouncing key from buying, booking or cancelling anything.
 *
 * - An auto-repeated keydown (`repeat`) of 決定, 戻る, a colour key or a number key is ignored: a
 *   held key acts once. Arrows may repeat (scrolling a list by holding ↓ is wanted), but at most
 *   once per `arrowRepeatMs`, so a held arrow cannot outrun the screen.
 * - After a screen change (a new page, the overlay shown or closed, a step inside a page such as
 *   cart → order summary) every key is ignored until the keys have been quiet for `quietMs`. Each
 *   ignored key restarts the wait, so a burst that caused the change is swallowed to its end, while
 *   a resident's deliberate press a moment later works.
 *
 * Pure: the caller passes the time (ms, one clock for keys and changes).
 */
export const QUIET_MS = 500;
export const ARROW_REPEAT_MS = 120;

const ARROWS = new Set(['Up', 'Down', 'Left', 'Right']);

export interface GuardedKey {
  /** Lightning key name ('Enter', 'Back', 'Up', 'Yellow', 'Num', …). */
  name: string;
  /** KeyboardEvent.repeat: the key is held and this is the keyboard's auto-repeat. */
  repeat: boolean;
}

export class KeyGuard {
  private blockedUntil = Number.NEGATIVE_INFINITY;
  private lastArrowAt = Number.NEGATIVE_INFINITY;
  private ignoredCount = 0;

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly arrowRepeatMs = ARROW_REPEAT_MS,
  ) {}

  /** The screen changed at `now`: keys must be quiet for a moment before one counts again. */
  screenChanged(now: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, now + this.quietMs);
  }

  /** Whether the key pressed at `now` may act; a refused key is counted in `ignored`. */
  accept(key: GuardedKey, now: number): boolean {
    if (now < this.blockedUntil) {
      this.blockedUntil = Math.max(this.blockedUntil, now + this.quietMs);
      return this.refuse();
    }
    const arrow = ARROWS.has(key.name);
    if (key.repeat && (!arrow || now - this.lastArrowAt < this.arrowRepeatMs)) return this.refuse();
    if (arrow) this.lastArrowAt = now;
    return true;
  }

  /** Whether a key pressed at `now` would count (no quiet period is running). */
  isOpen(now: number): boolean {
    return now >= this.blockedUntil;
  }

  /** Keys refused so far (for the test hook). */
  get ignored(): number {
    return this.ignoredCount;
  }

  private refuse(): false {
    this.ignoredCount++;
    return false;
  }
}

/** The app's guard; the App asks it about every key. */
export const keyGuard = new KeyGuard();

const clock = () => performance.now();

/**
 * Pages call this when they switch what the screen shows without a route change (a step inside the
 * page), so keys from the press that caused it do not act on the new step.
 */
export function screenChanged(): void {
  keyGuard.screenChanged(clock());
}

/**
 * The time a keydown happened on the same clock as `screenChanged`: the event's own stamp when it
 * has one, so keys queued behind a slow frame still count as pressed before the frame.
 */
export function keyTime(event: { timeStamp?: number }): number {
  const now = clock();
  const stamp = event.timeStamp;
  return typeof stamp === 'number' && stamp > 0 && stamp <= now ? stamp : now;
}
