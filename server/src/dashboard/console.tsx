import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { asc } from 'drizzle-orm';
import { hamlets } from '../../../db/src/schema';
import { requireStaffPage } from '../auth/staff-auth';
import { Layout } from '../console/layout';
import { toCsv } from '../lib/csv';
import { notFound } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { addDays, formatJaDate, formatJaDateTime, tokyoDate, tokyoTime } from '../lib/tokyo';
import { loadDashboardData, type SummaryState } from './summary';
import { DashboardQuery, lastPeriods, type DashboardRange, type Figure, type PeriodUnit } from './range';

/** How many weeks or months the dashboard shows: a quarter of weeks, a year of months. */
export const PERIOD_COUNT: Record<PeriodUnit, number> = { week: 12, month: 12 };
const UNIT_JA: Record<PeriodUnit, string> = { week: '週ごと', month: '月ごと' };

const require = createRequire(import.meta.url);
/** Served from our origin: the CSP allows scripts from 'self' only, and the demo has no internet. */
const ASSETS: Record<string, { path: string; type: string }> = {
  'uplot.js': { path: require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'text/javascript' },
  'uplot.css': { path: require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css' },
  'dashboard.js': {
    path: new URL('./assets/dashboard.js', import.meta.url).pathname,
    type: 'text/javascript',
  },
};
const assetCache = new Map<string, string>();

const css = `
.dash-controls{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;margin:.5rem 0 1rem}
.dash-controls .toggle{display:flex;gap:0}
.dash-controls .toggle a{padding:.4rem .9rem;border:1px solid #23395d;color:#23395d;background:#fff;text-decoration:none}
.dash-controls .toggle a[aria-current=page]{background:#23395d;color:#fff}
.dash-controls label{margin:0;display:inline}
main{max-width:none}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:1rem;max-width:1880px}
.figure{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem}
.figure h2{font-size:1.1rem;margin:0 0 .25rem}
.figure .plot{min-height:240px}
.figure .note{font-size:.9rem;color:#555;margin:.25rem 0}
.figure .actions{display:flex;justify-content:space-between;align-items:start;gap:1rem}
.figure details table{margin-top:.5rem;font-size:.9rem}
`;

const fmt = (n: number) => n.toLocaleString('ja-JP');

/** Short tick labels that fit under a plot: 11月23日, and 12月 with the year where it changes. */
function axisLabel(unit: PeriodUnit, key: string, index: number): string {
  const [y, m, d] = key.split('-').map(Number);
  if (unit === 'week') return `${m}月${d}日`;
  return index === 0 || m === 1 ? `${y}年${m}月` : `${m}月`;
}

function rangeOf(query: Record<string, string>, now: Date): DashboardRange {
  const q = DashboardQuery.parse(query);
  return lastPeriods(q.unit, PERIOD_COUNT[q.unit], now, q.hamlet ?? null);
}

function FigureView(props: { figure: Figure; range: DashboardRange; csvHref: string }) {
  const { figure, range } = props;
  const plot = {
    labels: range.periods.map((p) => p.label),
    ticks: range.periods.map((p, i) => axisLabel(range.unit, p.key, i)),
    unit: figure.unit,
    // The first tick shown carries the year when the ticks are months.
    yearOnFirstTick: range.unit === 'month',
    series: figure.series,
  };
  return (
    <section class="figure" aria-labelledby={`fig-${figure.id}`} data-figure={figure.id}>
      <div class="actions">
        <h2 id={`fig-${figure.id}`}>
          {figure.title}（{figure.unit}）
        </h2>
        <a href={props.csvHref} download>
          CSV
        </a>
      </div>
      {/* The numbers travel in an attribute, not an inline script: the CSP runs no inline code. */}
      {figure.series.length ? (
        <div
          class="plot"
          data-plot={JSON.stringify(plot)}
          role="img"
          aria-label={`${figure.title}のグラフ`}
        />
      ) : (
        <p class="muted">この期間にはありません。</p>
      )}
      <p class="note">{figure.note}</p>
      <details>
        <summary>数値の表</summary>
        <table>
          <caption class="muted">{figure.title}</caption>
          <thead>
            <tr>
              <th scope="col">期間</th>
              {figure.series.map((s) => (
                <th scope="col" class="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {range.periods.map((p, i) => (
              <tr>
                <th scope="row">{p.label}</th>
                {figure.series.map((s) => (
                  <td class="num">{fmt(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** How fresh the numbers are: the past from the daily summary, today (and any gap) as of now. */
function AsOf(props: { summary: SummaryState | null; now: Date }) {
  const { summary, now } = props;
  if (!summary) return <p class="muted as-of">すべての数値は{tokyoTime(now)}時点のものです。</p>;
  return (
    <p class="muted as-of">
      {formatJaDate(addDays(summary.through, -1))}までは{formatJaDateTime(summary.computedAt)}時点の集計、
      {summary.through === tokyoDate(now) ? '今日' : `${formatJaDate(summary.through)}から今日まで`}は
      {tokyoTime(now)}時点の値です。
    </p>
  );
}

export const dashboardConsole = new Hono<AppEnv>();

dashboardConsole.get('/assets/:name', requireStaffPage('city_staff'), (c) => {
  const asset = ASSETS[c.req.param('name')];
  if (!asset) throw notFound('Asset');
  let body = assetCache.get(asset.path);
  if (body === undefined) assetCache.set(asset.path, (body = readFileSync(asset.path, 'utf8')));
  c.header('content-type', `${asset.type}; charset=utf-8`);
  c.header('cache-control', 'private, max-age=3600');
  return c.body(body);
});

dashboardConsole.get('/', requireStaffPage('city_staff'), async (c) => {
  const { deps, staff } = c.var;
  const now = deps.clock.now();
  const range = rangeOf(c.req.query(), now);
  const { figures, summary } = await loadDashboardData(deps.db, range, now);
  const allHamlets = await deps.db.select().from(hamlets).orderBy(asc(hamlets.id)).all();
  const hamletName = allHamlets.find((h) => h.id === range.hamletId)?.name;
  const query = (unit: PeriodUnit) =>
    `?unit=${unit}${range.hamletId === null ? '' : `&hamlet=${range.hamletId}`}`;
  return c.html(
    <Layout title="市の統計ダッシュボード" staff={staff}>
      <style>{css}</style>
      <link rel="stylesheet" href="/console/dashboard/assets/uplot.css" />
      <p>
        {hamletName ?? '市全体'}・{formatJaDate(range.fromDate)}から{formatJaDate(tokyoDate(now))}まで（
        {UNIT_JA[range.unit]}、今の{range.unit === 'week' ? '週' : '月'}は途中まで）
      </p>
      <AsOf summary={summary} now={now} />
      <div class="dash-controls">
        <nav class="toggle" aria-label="集計の単位">
          {(['week', 'month'] as const).map((u) => (
            <a href={`/console/dashboard${query(u)}`} aria-current={u === range.unit ? 'page' : undefined}>
              {UNIT_JA[u]}
            </a>
          ))}
        </nav>
        <form method="get" action="/console/dashboard">
          <input type="hidden" name="unit" value={range.unit} />
          <label>
            集落{' '}
            <select name="hamlet">
              <option value="">市全体</option>
              {allHamlets.map((h) => (
                <option value={String(h.id)} selected={h.id === range.hamletId}>
                  {h.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">表示</button>
        </form>
      </div>
      <div class="figures">
        {figures.map((f) => (
          <FigureView
            figure={f}
            range={range}
            csvHref={`/console/dashboard/csv/${f.id}${query(range.unit)}`}
          />
        ))}
      </div>
      <script src="/console/dashboard/assets/uplot.js" defer />
      <script src="/console/dashboard/assets/dashboard.js" defer />
    </Layout>,
  );
});

dashboardConsole.get('/csv/:id', requireStaffPage('city_staff'), async (c) => {
  const { deps } = c.var;
  const now = deps.clock.now();
  const range = rangeOf(c.req.query(), now);
  const figure = (await loadDashboardData(deps.db, range, now)).figures.find(
    (f) => f.id === c.req.param('id'),
  );
  if (!figure) throw notFound('Figure');
  const rows = range.periods.map((p, i) => [p.label, p.from, ...figure.series.map((s) => s.values[i] ?? 0)]);
  const hamlet = range.hamletId === null ? '' : `-hamlet${range.hamletId}`;
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header(
    'content-disposition',
    `attachment; filename="dashboard-${figure.id}-${range.unit}${hamlet}-${tokyoDate(now)}.csv"`,
  );
  // With a BOM, like the product's other CSVs: Excel in a Japanese locale reads it as UTF-8.
  return c.body(
    toCsv(rows, {
      header: ['期間', '開始日', ...figure.series.map((s) => `${s.label}（${figure.unit}）`)],
      bom: true,
    }),
  );
});
