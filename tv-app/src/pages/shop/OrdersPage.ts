import { Lightning } from '@lightningjs/sdk';
import { cancelOrder, listOrders, type ShopOrder } from '../../api/shop.js';
import { textConfig } from '../../lib/text.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showOverlay, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { ActionBar } from './ActionBar.js';
import { yen } from './cart.js';
import { ShopList } from './ShopList.js';

const PANEL_X = 1010; // clear of the focused row's outline (the list grows 8% on focus)
const PANEL_W = SAFE.w - PANEL_X;
const day = (date: string) => {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
};

/**
 * 注文の状況: each order's status (受付 → 準備中 → 配送中 → 公民館に到着 → お届け済み) and what was
 * missing, and how it travels in the tense of its status (the server's `deliverySentence`). ↓ past the
 * last order reaches the action bar: 注文を取り消す (also 赤) only while the server says the chosen
 * order can still be cancelled.
 */
export class OrdersPage extends Page {
  private _orders: ShopOrder[] = [];
  private _inBar = false;

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('注文の状況', { size: FONT_SIZE.title }) },
      Empty: { y: 200, alpha: 0, text: textConfig('まだ注文はありません。', { size: FONT_SIZE.body }) },
      List: {
        type: ShopList,
        x: 20,
        y: 150,
        itemWidth: 900,
        itemHeight: 110,
        gap: 24,
        h: 660,
        signals: { moved: '_showDetail' },
      },
      Detail: {
        x: PANEL_X,
        y: 150,
        Status: {
          text: textConfig('', {
            size: FONT_SIZE.title,
            colour: COLOUR.focusOutline,
            wrapWidth: PANEL_W,
            maxLines: 1,
          }),
        },
        // Down to the action bar: nine lines of 64 px; a longer order ends in 「…」.
        Body: { y: 110, text: textConfig('', { size: FONT_SIZE.small, wrapWidth: PANEL_W, maxLines: 9 }) },
      },
      Keys: { x: 24, y: SAFE.h - 88, type: ActionBar },
    };
  }

  /**
   * The bar offers 注文を取り消す only for a chosen order the server says it would cancel: a
   * delivered order or one past the cut-off shows no cancel at all (and ↓ has nothing to reach).
   */
  private _renderKeys(): void {
    const o = this._chosen();
    (this.tag('Keys') as ActionBar).actions = o?.cancellable
      ? [{ key: 'Red', label: '注文を取り消す', onSelect: () => this._cancel() }]
      : [];
    if (!o?.cancellable && this._inBar) {
      this._inBar = false;
      this._refocus();
    }
  }

  private _chosen(): ShopOrder | undefined {
    return this._orders[(this.tag('List') as ShopList).index];
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  private _load(): void {
    this._inBar = false;
    this._refocus();
    listOrders()
      .then((orders) => {
        this._orders = orders;
        this._render();
      })
      .catch(showError);
  }

  private _render(): void {
    const list = this.tag('List') as ShopList;
    list.items = this._orders.map((o) => ({
      label: `${day(o.deliveryDate)}\u3000${o.statusLabel}\u3000${yen(o.totalYen)}`,
      announce:
        `${day(o.deliveryDate)}のお届け、${o.statusLabel}、${o.totalYen}円` +
        (o.deliverySentence ? `。${o.deliverySentence}` : '') +
        (o.cancellable ? '。締め切りまで取り消せます' : ''),
    }));
    this.tag('Empty')!.alpha = this._orders.length === 0 ? 1 : 0;
    this._showDetail();
  }

  _showDetail(): void {
    this._renderKeys();
    const o = this._chosen();
    if (!o) {
      this.tag('Detail')!.patch({ Status: { text: { text: '' } }, Body: { text: { text: '' } } });
      return;
    }
    // Before it leaves the store the resident may wonder why there is no cancel: say why.
    const stillHere = o.status === 'received' || o.status === 'preparing';
    const lines = [
      `${day(o.deliveryDate)} ${o.hallName}`,
      ...(o.deliverySentence ? [o.deliverySentence] : []),
      ...o.missingNotes,
      ...o.lines.map((l) => `${l.name} ${l.qty}点 ${yen(l.unitPriceYen * l.qty)}`),
      ...(o.cancellable ? ['下の「注文を取り消す」か赤ボタンで取り消せます（締め切りまで）'] : []),
      ...(!o.cancellable && stillHere && o.cancelRefusal ? [o.cancelRefusal] : []),
    ];
    this.tag('Detail')!.patch({
      Status: { text: { text: o.statusLabel } },
      Body: { text: { text: lines.join('\n') } },
    });
  }

  override _getFocused() {
    return this.tag(this._inBar ? 'Keys' : 'List') as Lightning.Component;
  }

  /** Reached when ↓ leaves the last order (or there is none); the bar only when it offers something. */
  override _handleDown(): boolean {
    if (!this._chosen()?.cancellable) return true;
    this._inBar = true;
    this._refocus();
    return true;
  }

  override _handleUp(): boolean {
    this._inBar = false;
    this._refocus();
    return true;
  }

  _handleRed(): boolean {
    this._cancel();
    return true;
  }

  private _cancel(): void {
    const o = this._chosen();
    if (!o) {
      showToast('取り消す注文がありません', 'error');
      return;
    }
    if (!o.cancellable) {
      showToast(o.cancelRefusal ?? 'この注文は、もう取り消せません', 'error');
      return;
    }
    showOverlay({
      title: 'この注文を取り消しますか？',
      body: `${day(o.deliveryDate)}\u3000${yen(o.totalYen)}`,
      hint: '決定：取り消す\u3000戻る：やめる',
    })
      .then(async (answer) => {
        if (answer !== 'ok') return;
        await cancelOrder(o.id);
        showToast('注文を取り消しました');
        this._load();
      })
      .catch(showError);
  }
}
