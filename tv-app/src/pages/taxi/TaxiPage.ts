import { Lightning } from '@lightningjs/sdk';
import {
  bookTaxi,
  cancelTaxiBooking,
  getTaxiFare,
  getTaxiOptions,
  listTaxiBookings,
  type TaxiAnswer,
  type TaxiBooking,
  type TaxiFare,
  type TaxiOptions,
} from '../../api/taxi.js';
import { Menu, type MenuItem } from '../../components/Menu.js';
import { QuantityPicker } from '../../components/QuantityPicker.js';
import { screenChanged } from '../../lib/keyGuard.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import {
  bookingAnnounce,
  bookingLine,
  bookLabel,
  earliestArrivalText,
  eligibleResidents,
  menuBody,
  newDraft,
  newIdempotencyKey,
  pickupSpan,
  plainTime,
  returnDraft,
  riderChoices,
  summary,
  timeKindLabel,
  toRequest,
  type TaxiDraft,
} from './taxiFlow.js';
import { ValuePicker } from './ValuePicker.js';

type Step =
  | 'loading'
  | 'menu'
  | 'who'
  | 'dest'
  | 'from'
  | 'kind'
  | 'time'
  | 'people'
  | 'confirm'
  | 'result'
  | 'list'
  | 'booking';

/** What one step shows: a title, a line or two of explanation, then a list or a picker. */
interface StepView {
  title?: string;
  body?: string;
  items?: MenuItem[];
  picker?: 'time' | 'people';
}

/**
 * 乗合タクシー: book a ride for today (or, once today is over, the next service day), see and cancel
 * bookings. One page walks through the steps (who → where → arrive-by/leave-after → time → people →
 * confirm with the fare); Back goes one step back. Each step offers the most likely answer first,
 * so OK alone books the usual trip.
 */
export class TaxiPage extends Page {
  private _step: Step = 'loading';
  private _history: Step[] = [];
  private _options: TaxiOptions | undefined;
  private _bookings: TaxiBooking[] = [];
  private _draft: Partial<TaxiDraft> = {};
  private _answer: TaxiAnswer | undefined;
  private _selected: TaxiBooking | undefined;
  private _fare: TaxiFare | undefined;
  private _busy = false;

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('乗合タクシー', { size: FONT_SIZE.title }) },
      Body: { y: 110, text: textConfig('', { size: FONT_SIZE.body, wrapWidth: SAFE.w, maxLines: 3 }) },
      List: { type: Menu, x: 30, y: 360, itemWidth: 1500, itemHeight: 110, gap: 26, h: 560 },
      Picker: { type: ValuePicker, x: 30, y: 400, visible: false },
      People: {
        type: QuantityPicker,
        x: 30,
        y: 400,
        visible: false,
        unit: '人',
        label: '人数',
        min: 1,
        max: 3,
      },
    };
  }

  private get _list(): Menu {
    return this.tag('List') as Menu;
  }

  private get _picker(): ValuePicker {
    return this.tag('Picker') as ValuePicker;
  }

  private get _people(): QuantityPicker {
    return this.tag('People') as QuantityPicker;
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  private _load(): void {
    this._history = [];
    this._show('loading');
    Promise.all([getTaxiOptions(), listTaxiBookings()])
      .then(([options, bookings]) => {
        this._options = options;
        this._bookings = bookings;
        this._show('menu');
      })
      .catch(showError);
  }

  private _go(step: Step): void {
    this._history.push(this._step);
    this._show(step);
  }

  /** Renders a step: its view, then the picker's values, focus and the read-aloud. */
  private _show(step: Step): void {
    // A new step is a new screen: the key that led here (or its bounce) must not answer it too.
    if (step !== this._step) screenChanged();
    this._step = step;
    const v = this._view(step);
    const title = v.title ?? '乗合タクシー';
    const body = v.body ?? '';
    this.tag('Title')!.patch({ text: { text: title } });
    this.tag('Body')!.patch({ text: { text: body } });
    this._list.visible = !v.picker;
    // the confirm step's three lines (route, time, fare) need the room above the buttons
    this._list.y = step === 'confirm' ? 420 : 360;
    this._list.items = v.items ?? [];
    this._list.index = 0;
    this._picker.visible = v.picker === 'time';
    this._people.visible = v.picker === 'people';
    if (v.picker === 'time') this._setUpTimePicker();
    if (v.picker === 'people') this._setUpPeoplePicker();
    this._refocus();
    if (step !== 'loading') announce(`${title}。${body}`);
  }

  private _view(step: Step): StepView {
    switch (step) {
      case 'loading':
        return { body: '読み込み中です…' };
      case 'menu':
        return this._menuView();
      case 'who':
        return this._whoView();
      case 'dest':
        return this._destView();
      case 'from':
        return this._fromView();
      case 'kind':
        return {
          title: '時刻の決め方',
          body: `${this._draft.fromLabel} → ${this._draft.toLabel}`,
          items: [
            { label: '着きたい時刻を決める', onSelect: () => this._pickKind('arrive_by') },
            { label: '乗りたい時刻を決める', onSelect: () => this._pickKind('leave_after') },
          ],
        };
      case 'time':
        return {
          title: this._draft.timeKind === 'arrive_by' ? '何時までに着きたいですか' : '何時から乗りたいですか',
          body: `${this._dayNote()}左右のボタンで時刻を変えて、決定を押してください。`,
          picker: 'time',
        };
      case 'people':
        return {
          title: '何人で乗りますか',
          body: '付き添いの方も数えてください。左右で変えて、決定を押してください。',
          picker: 'people',
        };
      case 'confirm':
        return this._confirmView();
      case 'result':
        return this._resultView();
      case 'list':
        return this._listView();
      case 'booking':
        return this._bookingView();
    }
  }

  /** 「11月30日(月)の予約です。」 on a next-service-day booking; nothing for today. */
  private _dayNote(): string {
    const d = this._draft;
    return d.dayLabel && d.dayLabel !== '今日' ? `${d.dayLabel}の予約です。` : '';
  }

  private _menuView(): StepView {
    const o = this._options;
    const items: MenuItem[] = [];
    let body = menuBody(o, this._bookings);
    if (o && o.open && eligibleResidents(o).length > 0)
      items.push({ label: bookLabel(o), onSelect: () => this._start() });
    if (o && eligibleResidents(o).length === 0) body = o.residents.find((r) => r.message)?.message ?? body;
    items.push({
      label: `予約の確認・取り消し（${this._bookings.length}件）`,
      onSelect: () => this._go('list'),
    });
    return { body, items };
  }

  private _whoView(): StepView {
    const o = this._options!;
    return {
      title: 'だれが乗りますか',
      body: o.residents
        .filter((r) => !r.eligible)
        .map((r) => `${r.name}さんは対象外です。`)
        .join(''),
      items: riderChoices(o).map((c) => ({
        label: c.label,
        onSelect: () => {
          this._draft.riderIds = c.riderIds;
          this._go('dest');
        },
      })),
    };
  }

  private _destView(): StepView {
    const d = this._draft;
    return {
      title: 'どこへ行きますか',
      body: '★はよく行く所です。',
      items: [
        ...this._options!.destinations.map((p) => ({
          label: `${p.favourite ? '★ ' : ''}${p.name}`,
          announce: p.name,
          onSelect: () => {
            Object.assign(d, {
              from: { kind: 'home' },
              fromLabel: '自宅',
              to: { kind: 'place', placeId: p.placeId },
              toLabel: p.name,
            });
            this._go('kind');
          },
        })),
        {
          label: '自宅へ帰る',
          onSelect: () => {
            Object.assign(d, { to: { kind: 'home' }, toLabel: '自宅' });
            this._go('from');
          },
        },
      ],
    };
  }

  private _fromView(): StepView {
    return {
      title: 'どこから乗りますか',
      items: this._options!.destinations.map((p) => ({
        label: p.name,
        onSelect: () => {
          Object.assign(this._draft, { from: { kind: 'place', placeId: p.placeId }, fromLabel: p.name });
          this._go('kind');
        },
      })),
    };
  }

  private _confirmView(): StepView {
    const fare = this._fare ? `\n${this._fare.text}` : '';
    return {
      title: 'この内容で予約しますか',
      body: `${summary(this._draft as TaxiDraft)}${fare}`,
      items: [
        { label: '予約する', onSelect: () => this._send() },
        { label: 'やめる', onSelect: () => this._load() },
      ],
    };
  }

  private _resultView(): StepView {
    const a = this._answer!;
    const d = this._draft;
    const title =
      a.status === 'accepted'
        ? '予約できました'
        : a.status === 'cancelled'
          ? '取り消された予約です'
          : '予約できませんでした';
    if (a.status !== 'accepted') {
      const earliest = a.status === 'refused' ? a.earliestArrival : undefined;
      // the earliest arrival first: one OK books the trip the resident can still make
      const first: MenuItem[] = earliest
        ? [
            {
              label: `${plainTime(earliest)}着で予約する`,
              onSelect: () => {
                Object.assign(d, {
                  timeKind: 'arrive_by',
                  time: earliest,
                  idempotencyKey: newIdempotencyKey(),
                });
                this._send();
              },
            },
          ]
        : [];
      const alternatives =
        earliest && d.timeKind === 'arrive_by'
          ? a.alternatives.filter((t) => t !== earliest)
          : a.alternatives;
      const items = [
        ...first,
        ...alternatives.map((t) => ({
          label: `${timeKindLabel(d.timeKind!, t)}で予約する`,
          onSelect: () => {
            d.time = t;
            d.idempotencyKey = newIdempotencyKey();
            this._send();
          },
        })),
        { label: 'やめる', onSelect: () => this._load() },
      ];
      // the TV says the earliest arrival in plain words instead of the server's HH:MM sentence,
      // which would take a fourth line and be read twice
      const body = earliest
        ? `${a.message.replace(`いちばん早い到着は ${earliest} です。`, '')}\n${earliestArrivalText(earliest)}`
        : a.message;
      return { title, body, items };
    }
    const items: MenuItem[] = [];
    const back =
      d.returnOf === undefined && d.to?.kind === 'place'
        ? returnDraft(a.booking!, d as TaxiDraft, this._options!.times)
        : null;
    if (back) {
      items.push({
        label: '帰りも予約する',
        onSelect: () => {
          this._draft = back;
          this._history = ['menu'];
          this._show('kind');
        },
      });
    }
    items.push({ label: 'おわり', onSelect: () => this._load() });
    const fare = a.booking ? `料金は${a.booking.fareTotalYen.toLocaleString('ja-JP')}円です。` : '';
    return { title, body: `${a.message}${fare}`, items };
  }

  private _listView(): StepView {
    return {
      title: '予約の確認',
      body:
        this._bookings.length === 0
          ? '予約はありません。'
          : '次に乗る予約が一番上です。取り消すときは、予約を選んで決定を押してください。',
      items: this._bookings.map((b) => ({
        label: bookingLine(b),
        announce: bookingAnnounce(b),
        onSelect: () => {
          this._selected = b;
          this._go('booking');
        },
      })),
    };
  }

  private _bookingView(): StepView {
    const b = this._selected!;
    const items: MenuItem[] = [];
    if (b.cancellable) items.push({ label: 'この予約を取り消す', onSelect: () => this._cancel(b) });
    items.push({ label: 'もどる', onSelect: () => this._back() });
    return {
      title: `${b.toLabel}行き  ${b.statusLabel}`,
      body: `${b.dayLabel} お迎え ${pickupSpan(b)}（${b.fromLabel}）  到着 ${b.expectedArrival}ごろ  ${b.passengers}人  料金 ${b.fareTotalYen.toLocaleString('ja-JP')}円`,
      items,
    };
  }

  private _setUpTimePicker(): void {
    const d = this._draft;
    this._picker.caption = d.timeKind === 'arrive_by' ? '着きたい時刻' : '乗りたい時刻';
    const times = this._options!.times;
    // arriving needs the ride's own time too: offer a time a little later than the first one
    const first = d.timeKind === 'arrive_by' ? Math.min(2, times.length - 1) : 0;
    const at = d.time ? times.indexOf(d.time) : first;
    this._picker.setValues(times, at < 0 ? first : at);
  }

  private _setUpPeoplePicker(): void {
    const d = this._draft;
    this._people.min = d.riderIds!.length;
    this._people.max = this._options!.maxPassengers;
    this._people.value = d.passengers ?? d.riderIds!.length;
  }

  private _start(): void {
    const o = this._options!;
    const choices = riderChoices(o);
    this._draft = newDraft(o, choices[0]!.riderIds);
    this._go(choices.length > 1 ? 'who' : 'dest');
  }

  private _pickKind(kind: TaxiDraft['timeKind']): void {
    this._draft.timeKind = kind;
    this._go('time');
  }

  /** The confirm step shows the server's fare for these riders; asked for first, then shown. */
  private _confirm(): void {
    if (this._busy) return;
    this._busy = true;
    getTaxiFare(this._draft.riderIds!)
      .then((fare) => (this._fare = fare))
      .catch(() => (this._fare = undefined)) // the booking itself still fixes and shows the fare
      .finally(() => {
        this._busy = false;
        this._go('confirm');
      });
  }

  private _send(): void {
    if (this._busy) return;
    this._busy = true;
    bookTaxi(toRequest(this._draft as TaxiDraft))
      .then((answer) => {
        this._answer = answer;
        if (answer.status === 'accepted') this._bookings = [answer.booking!, ...this._bookings];
        this._go('result');
      })
      .catch((error: unknown) => {
        showError(error);
        // time may have moved on while the resident chose: offer only times still bookable
        getTaxiOptions()
          .then((o) => (this._options = o))
          .catch(() => undefined);
      })
      .finally(() => {
        this._busy = false;
      });
  }

  private _cancel(b: TaxiBooking): void {
    cancelTaxiBooking(b.id)
      .then(() => {
        showToast('予約を取り消しました');
        this._load();
      })
      .catch(showError);
  }

  private _back(): boolean {
    const prev = this._history.pop();
    if (!prev || prev === 'loading') return false;
    this._show(prev);
    return true;
  }

  override _handleBack(): boolean {
    return this._back();
  }

  /** OK on a picker confirms its value and moves on. */
  override _handleEnter(): boolean {
    if (this._step === 'time') {
      this._draft.time = this._picker.value;
      this._go('people');
      return true;
    }
    if (this._step === 'people') {
      this._draft.passengers = this._people.value;
      this._confirm();
      return true;
    }
    return false;
  }

  override _getFocused() {
    if (this._step === 'time') return this._picker;
    if (this._step === 'people') return this._people;
    return this._list;
  }

  get announce(): string {
    return '乗合タクシー。上下で選んで、決定を押してください。';
  }
}
