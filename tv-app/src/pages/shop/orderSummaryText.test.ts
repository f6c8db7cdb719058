import { describe, expect, it } from 'vitest';
import { jaDay, orderSummaryText, placedDeliveryText } from './orderSummaryText.js';

const info = {
  date: '2026-11-24',
  isToday: true,
  cutoff: '12:00',
  hallName: '中尾公民館',
  message: '',
};

describe('orderSummaryText', () => {
  const lines = [
    { name: 'たまご 10個', qty: 1, amountYen: 258 },
    { name: '牛乳 1000ml', qty: 2, amountYen: 476 },
  ];

  it('shows each line, the total, the delivery day and hall, and how it is paid', () => {
    const t = orderSummaryText(lines, info);
    expect(t.rows).toEqual([
      { left: 'たまご 10個 × 1', right: '258円' },
      { left: '牛乳 1000ml × 2', right: '476円' },
    ]);
    expect(t.total).toBe('合計 3点　734円（税込）');
    expect(t.delivery).toBe('お届け：今日 11月24日（火）の夕方、中尾公民館');
    expect(t.payment).toContain('ケーブルテレビの料金');
  });

  it('reads everything aloud, in order, with no empty sentence', () => {
    const t = orderSummaryText(lines, { ...info, isToday: false });
    expect(t.spoken).toBe(
      'ご注文の確認。たまご 10個、1点、258円。牛乳 1000ml、2点、476円。合計、3点、734円。' +
        'お届けは、11月24日（火）の夕方、中尾公民館です。' +
        'お支払いは、ケーブルテレビの料金と一緒に、口座から引き落とされます。' +
        'よろしければ、決定を押してください。やめるときは、戻るを押してください',
    );
    expect(orderSummaryText(lines, null).spoken).not.toContain('。。');
  });

  it('folds a long cart into 「ほか◯品」 on screen but reads every line', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `品物${i + 1}`, qty: 1, amountYen: 100 }));
    const t = orderSummaryText(many, info, 5);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[4]).toEqual({ left: 'ほか 4品', right: '400円' });
    expect(t.spoken).toContain('品物8、1点、100円');
  });

  it('names the weekday from the date alone', () => {
    expect(jaDay('2026-12-03')).toBe('12月3日（木）');
    expect(jaDay('2027-01-03')).toBe('1月3日（日）');
  });

  it('says where and when a placed order arrives, without the cart’s 「今、注文すると」', () => {
    const info = {
      date: '2026-11-24',
      isToday: true,
      cutoff: '11:00',
      hallName: '中尾公民館',
      message: '今、注文すると…',
    };
    expect(placedDeliveryText('2026-11-24', info)).toBe('今日 11月24日（火）の夕方に 中尾公民館に届きます');
    expect(placedDeliveryText('2026-11-25', info)).toBe('11月25日（水）の夕方に 中尾公民館に届きます');
    expect(placedDeliveryText('2026-11-25', null)).toBe('11月25日（水）の夕方に届きます');
  });
});
