/* global document, window, fetch, CustomEvent */
// Turns every <figure class="map-view" data-map="…"> into a Leaflet map over the base layer
// (the offline sketch map, or the configured tiles) and keeps labels from overlapping. Live boards
// swap <main> and say so with `live:updated`: the maps are then mounted again from the new figures,
// keeping the view an operator zoomed to.
import { placeLabels } from './label-placement.js';

const SYMBOL = {
  vehicle: { letter: '車', r: 13, priority: 0 },
  stop: { letter: '停', r: 11, priority: 1 },
  home: { letter: '家', r: 11, priority: 1 },
  landing: { letter: '着', r: 11, priority: 2 },
  port: { letter: '港', r: 13, priority: 2 },
  store: { letter: '店', r: 12, priority: 3 },
  hall: { letter: '館', r: 11, priority: 3 },
};
/** Marks drawn on a symbol for its state, so a state is never told by colour alone. */
const STATE_MARK = {
  done: '✓',
  dropped_off: '✓',
  picked_up: '↑',
  in_air: '↑',
  no_show: '×',
  cancelled: '×',
  grounded: '×',
  late: '!',
  carried: '前',
};
const DONE_STATES = ['done', 'dropped_off', 'no_show', 'cancelled'];
const BASE_PRIORITY = { town: 5, hamlet: 6, water: 7, road_ref: 8, landmark: 8 };
const ROUTE_STYLES = [
  { color: '#0031d8', dashArray: null },
  { color: '#b00020', dashArray: '10 5' },
  { color: '#0b6e3a', dashArray: '2 6' },
  { color: '#6b3fa0', dashArray: '14 4 2 4' },
  { color: '#7a4a00', dashArray: '6 3' },
];
/** The demo valley, for a map with nothing on it yet (never a blank square). */
const VALLEY = [
  [35.735, 138.03],
  [35.84, 138.1],
];

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function load(tag, attrs) {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    Object.assign(el, attrs);
    el.onload = resolve;
    el.onerror = reject;
    document.head.appendChild(el);
  });
}

let ready;
/** Leaflet, its stylesheet, ours and the base layer: fetched once per page, whatever the maps. */
function prepare() {
  if (!ready)
    ready = Promise.all([
      window.L ? null : load('script', { src: '/console/map/leaflet.js' }),
      load('link', { rel: 'stylesheet', href: '/console/map/leaflet.css' }),
      load('link', { rel: 'stylesheet', href: '/console/map/map.css' }),
      fetch('/console/map/base.json', { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null),
      document.fonts ? document.fonts.ready : null,
    ]).then((r) => r[3]);
  return ready;
}

const views = new Map(); // figure label → { center, zoom } the operator chose
const mounted = new Set();

function symbolIcon(L, f, more) {
  const s = SYMBOL[f.kind];
  const mark = f.state && STATE_MARK[f.state];
  const cls = ['map-sym', `map-sym--${f.kind}`];
  if (f.state) cls.push(`is-${f.state.replace(/[^a-z_]/g, '')}`);
  if (f.state && DONE_STATES.includes(f.state)) cls.push('is-closed');
  return L.divIcon({
    className: cls.join(' '),
    html:
      `<span class="map-sym__shape"></span><span class="map-sym__letter">${s.letter}</span>` +
      (mark ? `<span class="map-sym__state">${mark}</span>` : '') +
      (more ? `<span class="map-sym__more">+${more}</span>` : ''),
    iconSize: [2 * s.r, 2 * s.r],
    iconAnchor: [s.r, s.r],
  });
}

function labelMarker(L, map, latlng, text, kind, priority, r) {
  const marker = L.marker(latlng, {
    icon: L.divIcon({ className: `map-label map-label--${kind}`, html: escapeHtml(text), iconSize: null }),
    pane: 'engawa-labels',
    interactive: false,
    keyboard: false,
  }).addTo(map);
  return { marker, latlng: L.latLng(latlng), priority, r };
}

function drawBase(L, map, base, st) {
  if (base && base.tiles) {
    L.tileLayer(base.tiles.url, { attribution: escapeHtml(base.tiles.attribution), maxZoom: 18 }).addTo(map);
    return;
  }
  if (!base || !base.offline) return;
  map.attributionControl.addAttribution(escapeHtml(base.attribution));
  const renderer = L.svg({ pane: 'engawa-base' });
  const style = {
    lake: { className: 'base-lake', color: '#6aa7d8', weight: 1, fillColor: '#b7d7f2', fillOpacity: 1 },
    river: { className: 'base-river', color: '#5b9fd6', weight: 4 },
    stream: { className: 'base-river base-river--stream', color: '#7db3e0', weight: 2 },
    national_road: { className: 'base-road base-road--national', color: '#e9a23b', weight: 5 },
    pref_road: { className: 'base-road base-road--pref', color: '#f3d27a', weight: 4 },
    local_road: { className: 'base-road base-road--local', color: '#ffffff', weight: 3 },
    rail: { className: 'base-rail', color: '#555555', weight: 2, dashArray: '8 4' },
  };
  const casing = { national_road: 7, pref_road: 6, local_road: 5 };
  const feats = base.offline.features;
  const lines = (kinds) => feats.filter((f) => kinds.includes(f.properties.kind));
  // casings first, so every road reads as a road where it crosses another
  for (const f of lines(['local_road', 'pref_road', 'national_road']))
    L.geoJSON(f, {
      renderer,
      interactive: false,
      style: { className: 'base-casing', color: '#8c7a5a', weight: casing[f.properties.kind] },
    }).addTo(map);
  for (const f of lines(['lake', 'stream', 'river', 'rail', 'local_road', 'pref_road', 'national_road']))
    L.geoJSON(f, { renderer, interactive: false, style: style[f.properties.kind] }).addTo(map);
  for (const f of feats)
    if (f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      st.labels.push(
        labelMarker(
          L,
          map,
          [lat, lon],
          f.properties.name,
          `base-${f.properties.kind}`,
          BASE_PRIORITY[f.properties.kind] ?? 9,
          0,
        ),
      );
    }
}

/** Places every label of one map; run after each zoom, since pixel distances change with it. */
function layout(st) {
  const { map } = st;
  const items = st.labels.map((l) => {
    const el = l.marker.getElement();
    el.style.display = '';
    el.style.marginLeft = '0px';
    el.style.marginTop = '0px';
    const p = map.latLngToLayerPoint(l.latlng);
    return { x: p.x, y: p.y, w: el.offsetWidth, h: el.offsetHeight, r: l.r, priority: l.priority };
  });
  const obstacles = st.symbols.map((s) => {
    const p = map.latLngToLayerPoint(s.latlng);
    return { x: p.x - s.r, y: p.y - s.r, w: 2 * s.r, h: 2 * s.r };
  });
  const placed = placeLabels(items, obstacles);
  const more = new Map();
  placed.forEach((pl, i) => {
    const l = st.labels[i];
    const el = l.marker.getElement();
    if (pl) {
      el.style.marginLeft = `${pl.x - items[i].x}px`;
      el.style.marginTop = `${pl.y - items[i].y}px`;
      el.classList.remove('is-hidden');
    } else {
      el.style.display = 'none';
      el.classList.add('is-hidden');
      if (l.symbol) {
        // counted on the nearest symbol whose name did find room: 「+3」 says "more here"
        const p = items[i];
        let best = null;
        let bestD = 30;
        st.labels.forEach((o, j) => {
          if (!placed[j] || !o.symbol) return;
          const d = Math.hypot(items[j].x - p.x, items[j].y - p.y);
          if (d < bestD) [best, bestD] = [o.symbol, d];
        });
        if (best) more.set(best, (more.get(best) || 0) + 1);
      }
    }
  });
  for (const s of st.symbols) s.marker.setIcon(symbolIcon(window.L, s.feature, more.get(s) || 0));
  // how many passes ran: lets a test (or an operator's script) wait for the labels after a zoom
  st.fig.dataset.mapLayouts = String(Number(st.fig.dataset.mapLayouts || 0) + 1);
}

function mount(fig) {
  const L = window.L;
  let features;
  try {
    features = JSON.parse(fig.dataset.map || '[]');
  } catch (e) {
    return;
  }
  const label = fig.getAttribute('aria-label') || '';
  const canvas = document.createElement('div');
  canvas.className = 'map-canvas';
  fig.insertBefore(canvas, fig.querySelector('.map-fallback'));
  fig.classList.add('is-mounted');
  const map = L.map(canvas, { zoomSnap: 0.5, attributionControl: true, keyboard: true });
  map.attributionControl.setPrefix('Leaflet');
  map.createPane('engawa-base').style.zIndex = '250';
  map.createPane('engawa-labels').style.zIndex = '650';
  const st = { map, fig, labels: [], symbols: [] };
  canvas.engawaMap = st;
  mounted.add(st);
  return prepare().then((base) => {
    drawBase(L, map, base, st);
    const bounds = L.latLngBounds([]);
    let route = 0;
    for (const f of features) {
      if (f.kind === 'route' && Array.isArray(f.path) && f.path.length > 1) {
        const s = ROUTE_STYLES[route++ % ROUTE_STYLES.length];
        const closed = f.state && DONE_STATES.includes(f.state);
        L.polyline(f.path, {
          className: `map-route${closed ? ' is-closed' : ''}`,
          color: closed ? '#767676' : s.color,
          dashArray: s.dashArray,
          weight: 4,
          opacity: 0.9,
          interactive: false,
        }).addTo(map);
        f.path.forEach((p) => bounds.extend(p));
        if (f.label) st.labels.push(labelMarker(L, map, [f.lat, f.lon], f.label, 'route', 4, 0));
        continue;
      }
      const sym = SYMBOL[f.kind];
      if (!sym || typeof f.lat !== 'number' || typeof f.lon !== 'number') continue;
      const latlng = L.latLng(f.lat, f.lon);
      const closed = f.state && DONE_STATES.includes(f.state);
      const s = { feature: f, latlng, r: sym.r, marker: null };
      s.marker = L.marker(latlng, {
        icon: symbolIcon(L, f, 0),
        keyboard: false,
        interactive: Boolean(f.href),
        title: f.label,
        zIndexOffset: closed ? 0 : 1000 - 100 * sym.priority,
      }).addTo(map);
      if (f.href) s.marker.on('click', () => window.location.assign(f.href));
      st.symbols.push(s);
      bounds.extend(latlng);
      if (f.label) {
        const l = labelMarker(L, map, latlng, f.label, f.kind, sym.priority + (closed ? 2 : 0), sym.r);
        l.symbol = s;
        st.labels.push(l);
      }
    }
    const kept = views.get(label);
    if (kept) map.setView(kept.center, kept.zoom, { animate: false });
    else if (bounds.isValid()) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14, animate: false });
    else map.fitBounds(VALLEY, { animate: false });
    layout(st);
    map.on('zoomend', () => layout(st));
    // a view the operator chose (drag or zoom) is kept across live updates
    map.on('dragend zoomend', (e) => {
      if (st.fitted) views.set(label, { center: map.getCenter(), zoom: map.getZoom() });
      return e;
    });
    st.fitted = true;
    fig.dataset.mapReady = 'true';
    fig.dispatchEvent(new CustomEvent('map:ready', { bubbles: true }));
  });
}

function mountAll() {
  for (const st of [...mounted])
    if (!st.fig.isConnected) {
      st.map.remove();
      mounted.delete(st);
    }
  const figs = document.querySelectorAll('figure.map-view[data-map]:not(.is-mounted)');
  if (!figs.length) return;
  prepare().then(() => figs.forEach(mount));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
document.addEventListener('live:updated', mountAll);
