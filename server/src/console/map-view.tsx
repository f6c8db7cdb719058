import { MAP_CLIENT_SRC } from '../map/assets';

/**
 * The console's one map. A page renders `<MapView label=… features=… />`; the map script
 * (served from our origin) draws it over the base layer — the offline demo layer, or the tile URL
 * configured for production — with labels that never overlap. Without script the same figure
 * lists its places as text, so the page still says where things are.
 *
 * Features are plain data: pages build them from their own rows; the map knows nothing of orders,
 * rides or flights.
 */
export type MapFeatureKind = 'vehicle' | 'stop' | 'home' | 'hall' | 'port' | 'landing' | 'store' | 'route';

export interface MapFeature {
  kind: MapFeatureKind;
  /** Short text shown beside the symbol (Japanese), e.g. 「中尾公民館」「10:30 乗車 山田」. */
  label: string;
  lat: number;
  lon: number;
  /** For `route`: the line's points [lat, lon] in order (lat/lon above is where its label goes). */
  path?: [number, number][];
  /** A state word that may change the symbol, e.g. 'in_air', 'done', 'grounded', 'no_show'. */
  state?: string;
  /** Optional link opened when the symbol is chosen. */
  href?: string;
}

/**
 * The map's script, for a page whose map may appear only after a live update (the driver's next
 * stop). MapView includes it itself; a module script runs once per page however often it appears.
 */
export function MapScript() {
  return <script type="module" src={MAP_CLIENT_SRC} />;
}

export function MapView(props: { label: string; features: MapFeature[]; height?: number }) {
  const places = props.features.filter((f) => f.kind !== 'route');
  return (
    <figure
      class="map-view"
      role="group"
      aria-label={props.label}
      data-map={JSON.stringify(props.features)}
      style={props.height ? `--map-height:${props.height}px` : undefined}
    >
      <figcaption>{props.label}</figcaption>
      <ul class="map-fallback">
        {places.map((f) => (
          <li data-kind={f.kind}>{f.href ? <a href={f.href}>{f.label}</a> : f.label}</li>
        ))}
      </ul>
      <MapScript />
    </figure>
  );
}
