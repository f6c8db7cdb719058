/**
 * Sends the latest wanted value per key, one request at a time per key. A resident pressing a key
 * three times quickly makes three wishes, but requests may overtake each other on the way; so
 * while one is in flight the newer wishes only replace each other, and the last is sent when the
 * answer comes. The server therefore ends in the state of the last press, and never sees an older
 * one after a newer one from this box.
 */
export interface LatestWinsOptions<K, V> {
  send(key: K, value: V): Promise<void>;
  /** Called when a send fails; `superseded` is true when a newer value is already waiting. */
  onError?(key: K, value: V, error: unknown, superseded: boolean): void;
  /** Called after a send succeeds. */
  onSent?(key: K, value: V): void;
}

export class LatestWins<K, V> {
  private readonly pending = new Map<K, V>();
  private readonly inFlight = new Set<K>();
  /** The last value the server accepted per key, so a wish equal to it is not sent again. */
  private readonly accepted = new Map<K, V>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: LatestWinsOptions<K, V>) {}

  set(key: K, value: V): void {
    this.pending.set(key, value);
    this.flush(key);
  }

  /** True while the key has a value waiting or in flight: the local state is newer than the server's. */
  isBusy(key: K): boolean {
    return this.pending.has(key) || this.inFlight.has(key);
  }

  get idle(): boolean {
    return this.pending.size === 0 && this.inFlight.size === 0;
  }

  /** Resolves when nothing is waiting or in flight. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forgets what the server was last told, after the state was read from the server again. */
  forgetAll(): void {
    this.accepted.clear();
  }

  private flush(key: K): void {
    if (this.inFlight.has(key) || !this.pending.has(key)) return;
    const value = this.pending.get(key) as V;
    this.pending.delete(key);
    if (this.accepted.has(key) && this.accepted.get(key) === value) {
      this.settle();
      return;
    }
    this.inFlight.add(key);
    this.options
      .send(key, value)
      .then(
        () => {
          this.accepted.set(key, value);
          this.options.onSent?.(key, value);
        },
        (error: unknown) => {
          this.accepted.delete(key);
          this.options.onError?.(key, value, error, this.pending.has(key));
        },
      )
      .finally(() => {
        this.inFlight.delete(key);
        this.flush(key);
        this.settle();
      });
  }

  private settle(): void {
    if (!this.idle) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
