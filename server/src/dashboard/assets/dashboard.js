/* global document, window, uPlot, ResizeObserver */
// Draws each figure of the city dashboard from the numbers in its data-plot attribute. Served as a
// file: the console's CSP runs scripts from our origin only, never inline.

// Distinguishable for colour-blind readers (Okabe–Ito), dark enough on white for WCAG AA.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9'];

const fmt = (v) => (v == null ? '' : v.toLocaleString('ja-JP'));

function draw(el) {
  const data = JSON.parse(el.dataset.plot);
  const xs = data.labels.map((_, i) => i);
  const width = () => Math.max(280, el.clientWidth);
  const plot = new uPlot(
    {
      width: width(),
      height: 240,
      scales: {
        x: { time: false, range: [-0.5, xs.length - 0.5] },
        // Counts start at zero, so a small change does not look like a collapse.
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      axes: [
        {
          font: '12px "Noto Sans JP", sans-serif',
          // Every third period, ending on the current one, so the labels never run into each other.
          splits: () => xs.filter((i) => (xs.length - 1 - i) % 3 === 0),
          values: (_u, splits) =>
            splits.map((i, k) => (k === 0 && data.yearOnFirstTick ? data.labels[i] : data.ticks[i]) ?? ''),
          gap: 4,
        },
        {
          font: '12px "Noto Sans JP", sans-serif',
          size: 64,
          values: (_u, splits) => splits.map(fmt),
          label: data.unit,
          labelFont: '12px "Noto Sans JP", sans-serif',
          labelSize: 18,
        },
      ],
      series: [
        { label: '期間', value: (_u, i) => (i == null ? '' : data.labels[i]) },
        ...data.series.map((s, k) => ({
          label: s.label,
          stroke: COLOURS[k % COLOURS.length],
          width: 2,
          points: { size: 6, fill: COLOURS[k % COLOURS.length] },
          value: (_u, v) => fmt(v),
        })),
      ],
    },
    [xs, ...data.series.map((s) => s.values)],
    el,
  );
  new ResizeObserver(() => plot.setSize({ width: width(), height: 240 })).observe(el);
}

function drawAll() {
  for (const el of document.querySelectorAll('.plot[data-plot]')) draw(el);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
else drawAll();
window.engawaDashboardReady = true;
