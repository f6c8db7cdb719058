import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotencyKey.js';

describe('newIdempotencyKey', () => {
  it('makes distinct keys from random bytes', () => {
    let seed = 0;
    const rnd = (n: number) => Uint8Array.from({ length: n }, () => seed++ % 256);
    const a = newIdempotencyKey(rnd);
    expect(a).toMatch(/^tv-[0-9a-f]{24}$/);
    expect(newIdempotencyKey(rnd)).not.toBe(a);
  });

  it('makes a fresh key each time from the runtime crypto', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(/^tv-[0-9a-f]{24}$/);
  });
});
