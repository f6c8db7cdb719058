import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPairingSecret, sha256Hex } from './pairing.js';

describe('pairing', () => {
  it('hashes as the server does (SHA-256, hex), across block boundaries', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(200), 'テレビ'])
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
  });

  it('makes the secret once and keeps it', () => {
    const m = new Map<string, string>();
    const store = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
    };
    const s = readPairingSecret(store);
    expect(s).toMatch(/^[0-9a-f]{32}$/);
    expect(readPairingSecret(store)).toBe(s);
  });
});
