import type { CollapseOutcome, SimResult } from './run-simulation';

export interface CollapseSummary {
  total: number;
  within12: number;
  within24: number;
  medianHours: number | null;
}

export function summarizeCollapses(list: CollapseOutcome[]): CollapseSummary {
  const hours = list
    .map((c) => c.hoursToAlert)
    .filter((h): h is number => h !== null)
    .sort((a, b) => a - b);
  // Undetected collapses count as infinitely late for the median.
  const all = [...hours, ...new Array<number>(list.length - hours.length).fill(Infinity)];
  const mid = all.length === 0 ? null : all[Math.floor((all.length - 1) / 2)]!;
  return {
    total: list.length,
    within12: hours.filter((h) => h <= 12).length,
    within24: hours.filter((h) => h <= 24).length,
    medianHours: mid === null || !Number.isFinite(mid) ? null : mid,
  };
}

export function falseRatePercent(alerts: number, householdDays: number): number {
  return householdDays === 0 ? 0 : (100 * alerts) / householdDays;
}

const fmt = (n: number | null, digits = 1) => (n === null ? 'n/a' : n.toFixed(digits));

/** The report `npm run sim:watch` prints; its last line is the one CI and docs quote. */
export function formatSimulationReport(r: SimResult, each: boolean): string[] {
  const lines: string[] = [];
  const s = summarizeCollapses(r.collapses);
  const off = summarizeCollapses(r.collapses.filter((c) => !c.tvOn));
  const on = summarizeCollapses(r.collapses.filter((c) => c.tvOn));
  lines.push(
    `population: ${r.residents} residents, ${r.householdDays} measured household-days, ` +
      `${r.unannouncedAbsences} unannounced absences, ${r.collapses.length} injected collapses`,
  );
  lines.push(
    `on-screen checks asked: ${fmt(r.checksAsked / Math.max(1, r.householdDays), 2)} per household-day`,
  );
  lines.push(
    `false alerts by condition: ` +
      Object.entries(r.falseByCondition)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '',
  );
  lines.push(
    `support-worker checks for residents who were fine: ${fmt(falseRatePercent(r.localChecks, r.householdDays), 2)}% ` +
      `per household-day, ${r.settledLocally} settled locally; any person told anything while nothing was wrong: ` +
      `${fmt(falseRatePercent(r.anyoneTold, r.householdDays), 2)}% per household-day`,
  );
  for (const [name, x] of [
    ['TV off', off],
    ['TV left on', on],
  ] as const) {
    lines.push(
      `collapses with ${name}: ${x.total}, within 12 h ${x.within12}, within 24 h ${x.within24}, median ${fmt(x.medianHours)} h`,
    );
  }
  for (const [name, b] of [
    ['baseline fixed 24 h', r.baseline24],
    ['baseline fixed 24 h + 6 h TV-on-no-key', r.baseline24and6],
  ] as const) {
    const x = summarizeCollapses(b.collapses);
    lines.push(
      `${name}: ${fmt(falseRatePercent(b.falseAlerts, r.householdDays), 2)}% false per household-day, ` +
        `${x.within12}/${x.total} within 12 h, ${x.within24}/${x.total} within 24 h, median ${fmt(x.medianHours)} h`,
    );
  }
  if (each) {
    for (const c of r.collapses) {
      lines.push(
        `collapse resident=${c.resident} ${c.archetype} tv=${c.tvOn ? 'on' : 'off'} at=${new Date(c.at).toISOString()} ` +
          `hours=${c.hoursToAlert === null ? 'never' : c.hoursToAlert.toFixed(2)} condition=${c.condition ?? '-'}`,
      );
    }
  }
  lines.push(
    `watch-sim: ${fmt(falseRatePercent(r.falseAlerts, r.householdDays), 2)}% false alerts per household-day, ` +
      `${s.within12}/${s.total} collapses alerted within 12 h, ${s.within24}/${s.total} within 24 h, ` +
      `median ${fmt(s.medianHours)} h to alert`,
  );
  return lines;
}
