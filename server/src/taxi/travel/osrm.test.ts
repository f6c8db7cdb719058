import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greatCircleKm } from './great-circle.js';
import { createOsrmProvider } from './osrm.js';

/**
 * A loopback server answering like OSRM's /table/v1 service: durations (s) and distances (m) from
 * the coordinates in the path, for the requested sources and destinations. It enforces a table size
 * limit like `osrm-routed --max-table-size`, and answers NoRoute for a coordinate at 0,0.
 */
let server: Server;
let baseUrl = '';
const seen: string[] = [];
const MAX = 6;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.pathname);
    const m = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(400).end(JSON.stringify({ code: 'InvalidUrl' }));
      return;
    }
    const coords = m[1]!.split(';').map((c) => c.split(',').map(Number) as [number, number]);
    if (coords.length > MAX) {
      res.writeHead(400).end(JSON.stringify({ code: 'TooBig', message: 'Too many table coordinates' }));
      return;
    }
    const src = url.searchParams.get('sources')!.split(';').map(Number);
    const dst = url.searchParams.get('destinations')!.split(';').map(Number);
    const pt = (i: number) => ({ lng: coords[i]![0], lat: coords[i]![1] });
    const blocked = (i: number) => coords[i]![0] === 0 && coords[i]![1] === 0;
    const distances = src.map((s) =>
      dst.map((d) => (blocked(s) || blocked(d) ? null : greatCircleKm(pt(s), pt(d)) * 1300)),
    );
    const durations = distances.map((row) => row.map((x) => (x === null ? null : x / 10)));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'Ok', durations, distances }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const A = { lat: 35.8277, lng: 137.9536 };
const B = { lat: 35.8393, lng: 137.9576 };
const C = { lat: 35.8325, lng: 138.0622 };

describe('OSRM /table adapter', () => {
  it('converts seconds to minutes and metres to km', async () => {
    const m = await createOsrmProvider({ baseUrl }).table([A], [A, B]);
    const km = greatCircleKm(A, B) * 1.3;
    expect(m.km[0]![0]).toBe(0);
    expect(m.km[0]![1]).toBeCloseTo(km, 9);
    expect(m.minutes[0]![1]).toBeCloseTo((km * 1000) / 10 / 60, 9);
  });

  it('splits a large table into requests within the server limit and reassembles it', async () => {
    seen.length = 0;
    const pts = [A, B, C, A, B, C, A, B];
    const m = await createOsrmProvider({ baseUrl, maxTableSize: MAX }).table(pts, pts);
    expect(seen.length).toBeGreaterThan(1);
    expect(m.km).toHaveLength(8);
    for (let i = 0; i < 8; i++) {
      expect(m.km[i]).toHaveLength(8);
      for (let j = 0; j < 8; j++) expect(m.km[i]![j]).toBeCloseTo(greatCircleKm(pts[i]!, pts[j]!) * 1.3, 9);
    }
  });

  it('fails loudly on an error answer or an unreachable pair', async () => {
    await expect(
      createOsrmProvider({ baseUrl, maxTableSize: 100 }).table([A, B, C, A], [A, B, C, A]),
    ).rejects.toThrow(/TooBig/);
    await expect(createOsrmProvider({ baseUrl }).table([A], [{ lat: 0, lng: 0 }])).rejects.toThrow(
      /unreachable/,
    );
  });
});
