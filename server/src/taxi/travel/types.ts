import type { LatLng } from '../solver/travel-table.js';

/** Travel minutes and km from each source to each destination: `minutes[s][d]`. */
export interface TravelMatrix {
  minutes: number[][];
  km: number[][];
}

/** Where travel times come from: a formula, or a road-network server. */
export interface TravelProvider {
  table(sources: LatLng[], destinations: LatLng[]): Promise<TravelMatrix>;
}
