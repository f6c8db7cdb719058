import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { TV_API_TYPES_PATH, deviceOperations, generateTvApiTypes, loadOpenApiDocument } from './tv-api-types';

describe('the TV app’s API types', () => {
  it('are the ones the server’s route schemas generate now (run `npm run gen:tv-types` if not)', async () => {
    const text = await generateTvApiTypes(await loadOpenApiDocument());
    const options = (await resolveConfig(TV_API_TYPES_PATH)) ?? {};
    const expected = await format(text, { ...options, filepath: TV_API_TYPES_PATH });
    expect(readFileSync(TV_API_TYPES_PATH, 'utf8')).toBe(expected);
  });

  it('describe only what a set-top box may call, and only the schemas those calls reach', async () => {
    const doc = deviceOperations(await loadOpenApiDocument());
    const paths = Object.keys(doc.paths ?? {});
    expect(paths).toContain('/api/shop/orders');
    expect(paths).toContain('/api/tv/me');
    expect(paths.some((p) => p.startsWith('/api/admin') || p.includes('/console'))).toBe(false);
    const schemas = Object.keys((doc.components as { schemas: object }).schemas);
    expect(schemas).toContain('ShopProduct');
    expect(schemas).not.toContain('StaffMe');
  });
});
