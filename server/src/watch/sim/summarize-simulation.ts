import type { Evaluation } from './evaluate';
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
const byCondition = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** The figures for one run (a set, with answers or strict). */
export interface Figures {
  familyFalsePercent: number;
  supportChecksPercent: number;
  asksPerHouseholdDay: number;
  greetingsPerHouseholdDay: number;
  all: CollapseSummary;
  tvOn: CollapseSummary;
  tvOff: CollapseSummary;
}

export function figuresOf(r: SimResult): Figures {
  const days = Math.max(1, r.householdDays);
  return {
    familyFalsePercent: falseRatePercent(r.falseAlerts, r.householdDays),
    supportChecksPercent: falseRatePercent(r.localChecks, r.householdDays),
    asksPerHouseholdDay: r.checksAsked / days,
    greetingsPerHouseholdDay: r.greetings / days,
    all: summarizeCollapses(r.collapses),
    tvOn: summarizeCollapses(r.collapses.filter((c) => c.tvOn)),
    tvOff: summarizeCollapses(r.collapses.filter((c) => !c.tvOn)),
  };
}

/** The detailed lines of one run. */
export function formatRun(label: string, r: SimResult, each: boolean): string[] {
  const f = figuresOf(r);
  const lines = [
    `[${label}] ${r.residents} residents, ${r.householdDays} measured household-days, ` +
      `${r.unannouncedAbsences} unannounced absences, ${r.collapses.length} collapses`,
    `[${label}] on-screen checks 「お元気ですか？」: ${fmt(f.asksPerHouseholdDay, 3)} per household-day; ` +
      `greetings (ask nothing): ${fmt(f.greetingsPerHouseholdDay, 3)} per household-day`,
    `[${label}] support-worker checks while fine: ${fmt(f.supportChecksPercent, 2)}% of household-days ` +
      `(${byCondition(r.localByCondition)}), ${r.settledLocally} settled by the worker`,
    `[${label}] family/city told while fine: ${fmt(f.familyFalsePercent, 2)}% of household-days ` +
      `(${byCondition(r.falseByCondition)})`,
  ];
  for (const [name, x] of [
    ['all', f.all],
    ['TV left on', f.tvOn],
    ['TV off', f.tvOff],
  ] as const) {
    lines.push(
      `[${label}] collapses, ${name}: ${x.within12}/${x.total} within 12 h, ${x.within24}/${x.total} within 24 h, ` +
        `median ${fmt(x.medianHours)} h`,
    );
  }
  for (const [name, b] of [
    ['fixed 24 h rule', r.baseline24],
    ['fixed 24 h + 6 h TV-on-no-key rule', r.baseline24and6],
  ] as const) {
    const x = summarizeCollapses(b.collapses);
    lines.push(
      `[${label}] peers' ${name}: ${fmt(falseRatePercent(b.falseAlerts, r.householdDays), 2)}% told while fine, ` +
        `${x.within12}/${x.total} within 12 h, ${x.within24}/${x.total} within 24 h`,
    );
  }
  if (each) {
    for (const c of r.collapses) {
      lines.push(
        `[${label}] collapse resident=${c.resident} ${c.archetype} tv=${c.tvOn ? 'on' : 'off'} ` +
          `at=${new Date(c.at).toISOString()} hours=${c.hoursToAlert === null ? 'never' : c.hoursToAlert.toFixed(2)} ` +
          `condition=${c.condition ?? '-'}`,
      );
    }
  }
  return lines;
}

/** The one-line summary (quoted by docs and CI): held-out, with answers. */
export function summaryLine(r: SimResult): string {
  const f = figuresOf(r);
  return (
    `watch-sim: ${fmt(f.familyFalsePercent, 2)}% family false, ${fmt(f.supportChecksPercent, 2)}% support checks, ` +
    `${fmt(f.asksPerHouseholdDay, 3)} asks per household-day, ${f.all.within12}/${f.all.total} within 12 h, ` +
    `${f.all.within24}/${f.all.total} within 24 h (TV on ${f.tvOn.within12}/${f.tvOn.total}, ` +
    `TV off ${f.tvOff.within12}/${f.tvOff.total})`
  );
}

/** The report `npm run sim:watch` prints: tuning set, then held-out set; the last line held-out. */
export function formatEvaluationReport(tuning: Evaluation, heldOut: Evaluation, each: boolean): string[] {
  return [
    ...formatRun('tuning, with answers', tuning.answers, each),
    ...formatRun('tuning, strict', tuning.strict, each),
    ...formatRun('held-out, with answers', heldOut.answers, each),
    ...formatRun('held-out, strict', heldOut.strict, each),
    `strict (nobody answers), held-out: ${summaryLine(heldOut.strict).replace('watch-sim: ', '')}`,
    summaryLine(heldOut.answers),
  ];
}
