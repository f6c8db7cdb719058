export { createGreatCircleProvider, greatCircleKm, greatCircleTable } from './great-circle.js';
export type { Area, GreatCircleOptions, RoadModel } from './great-circle.js';
export { createOsrmProvider } from './osrm.js';
export type { OsrmOptions } from './osrm.js';
export { travelRowsFor } from './travel-rows.js';
export type { TravelMatrix, TravelProvider } from './types.js';
