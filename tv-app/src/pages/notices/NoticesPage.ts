import { Router, type Lightning } from '@lightningjs/sdk';
import { getNotices, setAway, type Notice } from '../../api/watch.js';
import { Menu, type MenuItem } from '../../components/Menu.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { AWAY_CHOICES, noticeAnnouncement, noticeLabel, tokyoDateAfter } from './noticeText.js';

/** お知らせ: the last week's reminders, and "留守にします" with a return date. */
export class NoticesPage extends Page {
  override pageTitle = 'お知らせ';
  private _choosingAway = false;
  private _notices: Notice[] = [];

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
        this._showList();
      })
      .catch(showError);
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
    setAway(tokyoDateAfter(Date.now(), days))
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
