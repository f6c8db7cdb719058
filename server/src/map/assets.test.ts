import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createTestContext } from '../../../test/helpers/context';

const GSI = 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png';

describe('map base layer and tiles', () => {
  it('serves the offline sketch map by default, and Leaflet from our origin', async () => {
    const ctx = await createTestContext();
    try {
      const base = (await (await ctx.request('/console/map/base.json')).json()) as {
        offline: { features: { properties: { kind: string } }[] };
      };
      expect(base.offline.features.some((f) => f.properties.kind === 'national_road')).toBe(true);
      const leaflet = await ctx.request('/console/map/leaflet.js');
      expect(leaflet.headers.get('content-type')).toContain('javascript');
      expect(await leaflet.text()).toContain('Leaflet 1.9.4');
      const csp = (await ctx.request('/console/login')).headers.get('content-security-policy')!;
      expect(csp).not.toContain('cyberjapandata');
    } finally {
      ctx.close();
    }
  });

  it('with MAP_TILE_URL the maps use those tiles, credited, and the CSP lets images come from there', async () => {
    const ctx = await createTestContext({ config: { MAP_TILE_URL: GSI } });
    try {
      const base = await (await ctx.request('/console/map/base.json')).json();
      expect(base).toEqual({ tiles: { url: GSI, attribution: '地理院タイル' } });
      const csp = (await ctx.request('/console/login')).headers.get('content-security-policy')!;
      expect(csp).toMatch(/img-src [^;]*https:\/\/cyberjapandata\.gsi\.go\.jp/);
      expect(csp).toMatch(/script-src 'self'/);
    } finally {
      ctx.close();
    }
  });

  it('config refuses a tile URL without {z}/{x}/{y} or not over https', () => {
    expect(loadConfig({ MAP_TILE_URL: GSI }).MAP_TILE_URL).toBe(GSI);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example/std.png' })).toThrow();
    expect(() => loadConfig({ MAP_TILE_URL: 'http://tiles.example/{z}/{x}/{y}.png' })).toThrow();
  });
});
