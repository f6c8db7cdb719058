import { ApiError } from '../../api/client.js';
import { getCart, putCartLine, type ShopCart, type ShopProduct } from '../../api/shop.js';
import { newIdempotencyKey } from '../../lib/idempotencyKey.js';
import { LatestWins } from '../../lib/latestWins.js';
import { showError, showToast } from '../../ui.js';

export interface CartLine {
  product: ShopProduct;
  qty: number;
}

/** Where the cart is kept beyond this run of the app: the household's cart on the server. */
export interface CartStore {
  load(): Promise<ShopCart>;
  /** Absolute quantity with the write's sequence number; answers with the cart as it now is. */
  save(productId: number, qty: number, seq: number): Promise<ShopCart>;
}

/** What the resident is told about the cart's saving (the app shows toasts). */
export interface CartNotices {
  /** The server cannot be reached: the cart stays on this TV for now. */
  offline(): void;
  /** The server refused a change; its Japanese message says why. */
  refused(error: unknown): void;
  /** Lines left out on loading because their product cannot be ordered now. */
  dropped(names: string[]): void;
}

/** Two lines cut by hand: the toast is two lines wide at body size, and a word must not break. */
export const OFFLINE_MESSAGE = '通信できません。カートはこのテレビにだけあります。\n電源を切ると消えます。';

/**
 * The household's cart. It is kept on the server (`load()` when the app starts and when the shop
 * is opened), and every change is saved as the line's absolute quantity: one request per product
 * at a time, the latest quantity sent when the previous answer comes, each with a sequence number
 * the server keeps, so an older write never overwrites a newer one. If the server cannot be
 * reached the cart stays as the resident left it on this TV and is saved when it can be again.
 *
 * The idempotency key belongs to the cart's content: pressing 決定 twice or resending after a
 * dropped answer reuses it, so the server makes one order; any change to the cart makes a new
 * key. Loading from the server keeps the key when the content is the same, so a resend after a
 * reload of the cart still finds the first order.
 */
export class Cart {
  private lines = new Map<number, CartLine>();
  private key: string | null = null;
  /** The highest sequence number the server has seen or this TV has sent. */
  private seq = 0;
  private loading: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();
  /** Products whose last change did not reach the server (network down): sent again later. */
  private readonly unsaved = new Set<number>();
  /** Products changed while a load was on its way: its answer may predate the change. */
  private readonly changedDuringLoad = new Set<number>();
  private offlineShown = false;
  private readonly sender: LatestWins<number, number> | null;

  constructor(
    private readonly newKey: () => string = newIdempotencyKey,
    private readonly store: CartStore | null = null,
    private readonly notices: Partial<CartNotices> = {},
    /** Sequence numbers follow the box's clock, so a second box of the household stays in order. */
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.sender = store
      ? new LatestWins<number, number>({
          send: (id, qty) => this.save(id, qty),
          onError: (id, _qty, error) => this.saveFailed(id, error),
        })
      : null;
  }

  qtyOf(productId: number): number {
    return this.lines.get(productId)?.qty ?? 0;
  }

  /** Sets a quantity within 0…maxPerOrder; returns the quantity kept. */
  set(product: ShopProduct, qty: number): number {
    const q = Math.max(0, Math.min(product.maxPerOrder, Math.round(qty)));
    if (q === this.qtyOf(product.id)) return q;
    if (q === 0) this.lines.delete(product.id);
    else this.lines.set(product.id, { product, qty: q });
    this.key = null;
    if (this.loading) this.changedDuringLoad.add(product.id);
    this.retryUnsaved();
    this.sender?.set(product.id, q);
    return q;
  }

  add(product: ShopProduct, delta = 1): number {
    return this.set(product, this.qtyOf(product.id) + delta);
  }

  get items(): CartLine[] {
    return [...this.lines.values()];
  }

  get count(): number {
    return this.items.reduce((s, l) => s + l.qty, 0);
  }

  get totalYen(): number {
    return this.items.reduce((s, l) => s + l.qty * l.product.priceYen, 0);
  }

  get weightG(): number {
    return this.items.reduce((s, l) => s + l.qty * l.product.weightG, 0);
  }

  /** The key to send with this content; the same until the content changes or the order is placed. */
  idempotencyKey(): string {
    this.key ??= this.newKey();
    return this.key;
  }

  /** After an order: the server already took the ordered lines out; anything else goes too. */
  clear(): void {
    const ids = [...this.lines.keys()];
    if (this.loading) for (const id of ids) this.changedDuringLoad.add(id);
    this.lines.clear();
    this.key = null;
    for (const id of ids) this.sender?.set(id, 0);
  }

  /**
   * Reads the household's cart from the server. A line this TV changed and has not yet saved
   * keeps the resident's quantity; a line whose product cannot be ordered now is taken out (and
   * the resident told). Resolves false when the server could not be reached.
   */
  load(): Promise<boolean> {
    const store = this.store;
    if (!store) return Promise.resolve(true);
    this.retryUnsaved();
    this.loading ??= store
      .load()
      .then(
        (server) => {
          this.merge(server);
          this.offlineShown = false;
          return true;
        },
        (error: unknown) => {
          if (isUnreachable(error)) this.showOffline();
          return false;
        },
      )
      .finally(() => {
        this.loading = null;
        this.changedDuringLoad.clear();
      });
    return this.loading;
  }

  /** Resolves when every change has been answered by the server (or failed). */
  whenSaved(): Promise<void> {
    return this.sender?.whenIdle() ?? Promise.resolve();
  }

  /** Called after `load()` changed the cart, so the page on screen can redraw; returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private merge(server: ShopCart): void {
    this.seq = Math.max(this.seq, server.seq);
    this.sender?.forgetAll();
    const before = this.signature();
    const fromServer = new Map<number, CartLine>();
    const dropped: string[] = [];
    for (const l of server.lines) {
      if (this.localIsNewer(l.product.id)) continue;
      if (!l.product.available || l.product.maxPerOrder <= 0) {
        dropped.push(l.product.name);
        this.sender?.set(l.product.id, 0);
        continue;
      }
      fromServer.set(l.product.id, { product: l.product, qty: Math.min(l.qty, l.product.maxPerOrder) });
    }
    // The resident's order of lines stays; lines added elsewhere (another box) come after.
    const next = new Map<number, CartLine>();
    for (const [id, line] of this.lines) {
      const kept = this.localIsNewer(id) ? line : fromServer.get(id);
      if (kept) next.set(id, kept);
    }
    for (const [id, line] of fromServer) if (!next.has(id)) next.set(id, line);
    this.lines = next;
    if (this.signature() !== before) this.key = null;
    if (dropped.length > 0) this.notices.dropped?.(dropped);
    for (const listener of this.listeners) listener();
  }

  private localIsNewer(productId: number): boolean {
    return (
      this.unsaved.has(productId) ||
      this.changedDuringLoad.has(productId) ||
      (this.sender?.isBusy(productId) ?? false)
    );
  }

  private signature(): string {
    return [...this.lines.values()]
      .map((l) => `${l.product.id}:${l.qty}`)
      .sort()
      .join(',');
  }

  private async save(productId: number, qty: number): Promise<void> {
    this.seq = Math.max(this.seq + 1, this.clock());
    const server = await this.store!.save(productId, qty, this.seq);
    this.seq = Math.max(this.seq, server.seq);
    this.unsaved.delete(productId);
    this.offlineShown = false;
  }

  private saveFailed(productId: number, error: unknown): void {
    if (isUnreachable(error)) {
      this.unsaved.add(productId);
      this.showOffline();
    } else {
      // Refused (sold out meanwhile, over the limit): the server keeps its state and says why.
      this.unsaved.delete(productId);
      this.notices.refused?.(error);
    }
  }

  private retryUnsaved(): void {
    for (const id of [...this.unsaved]) {
      this.unsaved.delete(id);
      this.sender?.set(id, this.qtyOf(id));
    }
  }

  private showOffline(): void {
    if (this.offlineShown) return;
    this.offlineShown = true;
    this.notices.offline?.();
  }
}

/** No answer, or the server failing: worth trying again later (a 4xx is a refusal). */
const isUnreachable = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 408;

export const cart = new Cart(
  newIdempotencyKey,
  { load: () => getCart(), save: (id, qty, seq) => putCartLine(id, qty, seq) },
  {
    offline: () => showToast(OFFLINE_MESSAGE, 'error'),
    refused: showError,
    dropped: (names) => showToast(`${names.join('、')}は今は注文できないため、カートから外しました`),
  },
);

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
export const weightText = (g: number) =>
  g >= 1000 ? `${(Math.round(g / 100) / 10).toLocaleString('ja-JP')}kg` : `${g}g`;
