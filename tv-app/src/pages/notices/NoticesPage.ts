import { Router, type Lightning } from '@lightningjs/sdk';
import { getAway, getNotices, setAway, type Notice } from '../../api/watch.js';
import { Menu, type MenuItem } from '../../components/Menu.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { AWAY_CHOICES, dateAfter, noticeAnnouncement, noticeLabel } from './noticeText.js';
import { listChange, NOTICES_REFRESH_MS } from './refreshNotices.js';

/** お知らせ: the last week's reminders, and "留守にします" with a return date. */
export class NoticesPage extends Page {
  override pageTitle = 'お知らせ';
  private _choosingAway = false;
  private _notices: Notice[] = [];
  private _refreshTimer: ReturnType<typeof setInterval> | undefined;
  /** Notices already shown or read, so a newly arrived one is announced once. */
  private _seen = new Set<number>();

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: {
        y: 0,
        text: textConfig('お知らせ', { size: FONT_SIZE.title, wrapWidth: SAFE.w, maxLines: 1 }),
      },
      // Wide, and two lines high: a notice starts with when it was due (「昨日 18:30 のお知らせ」)
      // before its text (up to 80 characters); what still does not fit ends in 「…」 and is read in full.
      List: { type: Menu, x: 30, y: 140, itemWidth: SAFE.w - 60, itemHeight: 140, gap: 26, h: 800 },
    };
  }

  private get _list(): Menu {
    return this.tag('List') as Menu;
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  private _load(): void {
    this._choosingAway = false;
    getNotices()
      .then((v) => {
        this._notices = v.recent;
        for (const n of v.recent) this._seen.add(n.id);
        this._showList();
      })
      .catch(showError);
  }

  override _enable(): void {
    super._enable();
    // While the page is open, reminders the family adds (or that fall due) appear on it.
    clearInterval(this._refreshTimer);
    this._refreshTimer = setInterval(() => this._refresh(), NOTICES_REFRESH_MS);
  }

  override _disable(): void {
    clearInterval(this._refreshTimer);
    this._refreshTimer = undefined;
  }

  /** Redraws the list only when it changed, with focus on the same entry; reads new ones once. */
  private _refresh(): void {
    if (this._choosingAway) return;
    getNotices()
      .then((v) => {
        if (this._choosingAway) return;
        const change = listChange(this._notices, v.recent, this._seen);
        if (!change.changed) return;
        const focusedKey = this._keyAt(this._list.index);
        this._notices = v.recent;
        this._showList();
        const i = this._keys().indexOf(focusedKey);
        if (i >= 0) this._list.index = i;
        for (const n of change.arrived) {
          this._seen.add(n.id);
          announce(`新しいお知らせです。${noticeAnnouncement(n)}`);
        }
      })
      // Offline for a moment: the next refresh tries again; the list on screen stays as it was.
      .catch(() => undefined);
  }

  /** One key per list entry, in list order: the two actions, then the notices. */
  private _keys(): string[] {
    const keys = ['away', 'billing', ...this._notices.map((n) => `notice:${n.id}`)];
    return this._notices.length ? keys : [...keys, 'none'];
  }

  private _keyAt(index: number): string {
    return this._keys()[index] ?? 'away';
  }

  private _showList(): void {
    const items: MenuItem[] = [
      {
        label: '留守にします',
        announce: '留守にします。出かけるときに押してください',
        onSelect: () => this._chooseAway(),
      },
      {
        label: 'ご利用料金',
        announce: 'ご利用料金を見ます',
        onSelect: () => Router.navigate('billing'),
      },
      ...this._notices.map((n) => ({ label: noticeLabel(n), announce: noticeAnnouncement(n) })),
    ];
    if (this._notices.length === 0) items.push({ label: 'お知らせはありません' });
    this._list.items = items;
    this.tag('Title')!.patch({ text: { text: 'お知らせ' } });
  }

  private _chooseAway(): void {
    this._choosingAway = true;
    this.tag('Title')!.patch({ text: { text: 'いつ帰りますか？' } });
    announce('いつ帰りますか？');
    this._list.items = AWAY_CHOICES.map((c) => ({
      label: c.label,
      onSelect: () => this._setAway(c.days),
    }));
  }

  private _setAway(days: number): void {
    // Counted from the server's date: the box's clock may be wrong.
    getAway()
      .then(({ today }) => setAway(dateAfter(today, days)))
      .then(() => {
        showToast('留守を登録しました。お気をつけて。');
        this._load();
      })
      .catch(showError);
  }

  override _handleBack(): boolean | void {
    if (!this._choosingAway) return false;
    this._load();
    return true;
  }

  override _getFocused(): Lightning.Component {
    return this._list;
  }
}
