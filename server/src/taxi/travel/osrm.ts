import type { LatLng } from '../solver/travel-table.js';
import type { TravelMatrix, TravelProvider } from './types.js';

export interface OsrmOptions {
  /** e.g. http://127.0.0.1:5000 */
  baseUrl: string;
  profile?: string;
  /** the server's --max-table-size (sources + destinations per request); OSRM's default is 100 */
  maxTableSize?: number;
  /** injected for tests; defaults to the global fetch */
  fetch?: typeof fetch;
}

interface OsrmTableResponse {
  code: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

/**
 * Travel times from an OSRM server's `/table/v1` service (durations in s, distances in m), split
 * into requests that respect the server's table size limit. Unreachable pairs (null) fail loudly:
 * a booking must not be promised on a made-up time.
 */
export function createOsrmProvider(o: OsrmOptions): TravelProvider {
  const doFetch = o.fetch ?? fetch;
  const profile = o.profile ?? 'driving';
  const limit = Math.max(2, o.maxTableSize ?? 100);
  const base = o.baseUrl.replace(/\/$/, '');

  async function block(src: LatLng[], dst: LatLng[]): Promise<TravelMatrix> {
    const coords = [...src, ...dst].map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
    const sources = src.map((_, i) => i).join(';');
    const destinations = dst.map((_, i) => i + src.length).join(';');
    const url = `${base}/table/v1/${profile}/${coords}?sources=${sources}&destinations=${destinations}&annotations=duration,distance`;
    const res = await doFetch(url);
    // OSRM reports errors as JSON {code, message} with a 4xx status: keep its words in the error
    const body = (await res.json().catch(() => ({ code: `HTTP ${res.status}` }))) as OsrmTableResponse;
    if (!res.ok && body.code === 'Ok') throw new Error(`OSRM table: HTTP ${res.status}`);
    if (body.code !== 'Ok' || !body.durations || !body.distances) {
      throw new Error(`OSRM table: ${body.code} ${body.message ?? ''}`.trim());
    }
    const minutes = body.durations.map((row) =>
      row.map((s) => {
        if (s === null) throw new Error('OSRM table: unreachable pair');
        return s / 60;
      }),
    );
    const km = body.distances.map((row) =>
      row.map((m) => {
        if (m === null) throw new Error('OSRM table: unreachable pair');
        return m / 1000;
      }),
    );
    return { minutes, km };
  }

  return {
    async table(sources, destinations) {
      const minutes: number[][] = sources.map(() => []);
      const km: number[][] = sources.map(() => []);
      const half = Math.floor(limit / 2);
      for (let i = 0; i < sources.length; i += half) {
        const src = sources.slice(i, i + half);
        for (let j = 0; j < destinations.length; j += limit - src.length) {
          const dst = destinations.slice(j, j + limit - src.length);
          const m = await block(src, dst);
          src.forEach((_, k) => {
            minutes[i + k]!.push(...m.minutes[k]!);
            km[i + k]!.push(...m.km[k]!);
          });
        }
      }
      return { minutes, km };
    },
  };
}
