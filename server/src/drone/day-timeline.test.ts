import { describe, expect, it } from 'vitest';
import { buildTimeline, type TimelineFlight } from './day-timeline';

const t = (hhmm: string, day = '2026-11-24') => new Date(`${day}T${hhmm}:00+09:00`);
const flight = (over: Partial<TimelineFlight>): TimelineFlight => ({
  seq: 1,
  hallName: '中尾公民館',
  status: 'planned',
  carried: false,
  plannedDepartAt: t('13:00'),
  launchedAt: null,
  landedAt: null,
  returnedAt: null,
  abortedAt: null,
  abortReason: null,
  ...over,
});

describe('the drone base day as a timeline', () => {
  it('orders cut-off, packing, flights, car runs and handovers, and marks the current time', () => {
    const { entries, nowIndex } = buildTimeline({
      now: t('13:10'),
      cutoffAt: t('11:00'),
      packing: { total: 3, packed: 3, firstAt: t('12:00'), lastAt: t('12:40') },
      flights: [
        flight({ seq: 1, status: 'landed', launchedAt: t('13:00'), landedAt: t('13:08') }),
        flight({ seq: 2, hallName: '上村公民館', plannedDepartAt: t('13:30') }),
      ],
      carMoves: [{ hallName: '奥沢公民館', step: 'dispatch', at: t('13:05'), parcels: 2 }],
      handovers: [],
    });
    expect(entries.map((e) => [e.label, e.state])).toEqual([
      ['注文の締め切り', 'done'],
      ['梱包 3/3個', 'done'],
      ['便1 中尾公民館 離陸', 'done'],
      ['車 奥沢公民館 出発（2個）', 'done'],
      ['便1 中尾公民館 着陸', 'done'],
      ['便2 上村公民館 離陸予定', 'ahead'],
    ]);
    expect(nowIndex).toBe(5);
  });

  it('shows a planned take-off whose time has passed as due, and a carried flight as such', () => {
    const { entries, nowIndex } = buildTimeline({
      now: t('14:00'),
      cutoffAt: t('11:00'),
      packing: { total: 2, packed: 1, firstAt: t('12:00'), lastAt: t('12:00') },
      flights: [
        flight({ seq: 4, carried: true, status: 'launched', launchedAt: t('16:00', '2026-11-23') }),
        flight({ seq: 1, plannedDepartAt: t('13:30') }),
        flight({ seq: 2, status: 'aborted', abortedAt: t('13:20'), abortReason: '機体の異音' }),
        flight({ seq: 3, status: 'cancelled', plannedDepartAt: t('15:00') }),
      ],
      carMoves: [],
      handovers: [{ hallName: '中尾公民館', at: t('13:50'), parcels: 2 }],
    });
    expect(entries[0]).toMatchObject({ label: '便4 中尾公民館 離陸', carried: true });
    expect(entries.find((e) => e.kind === 'packing')).toMatchObject({ label: '梱包 1/2個', state: 'due' });
    expect(entries.find((e) => e.label.includes('便1'))).toMatchObject({ state: 'due' });
    expect(entries.map((e) => e.label)).toContain('便2 中尾公民館 中止（機体の異音）');
    expect(entries.map((e) => e.label)).toContain('便3 中尾公民館 取り消し（車に変更）');
    expect(entries.at(-1)!.label).toBe('便3 中尾公民館 取り消し（車に変更）');
    expect(nowIndex).toBe(entries.length - 1);
  });
});
