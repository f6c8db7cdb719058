import type { RhythmState } from './detector/types';

/**
 * The stored form of a learned rhythm: each day's 24-bit hour mask as 3 big-endian bytes. Reading
 * 100,000 rhythms as JSON text cost more than the rest of a detection pass; these are ~170 bytes
 * and decode without a parser.
 */
export function encodeMasks(masks: readonly number[]): Buffer {
  const out = Buffer.alloc(masks.length * 3);
  masks.forEach((m, i) => out.writeUIntBE(m & 0xffffff, i * 3, 3));
  return out;
}

export function decodeRhythm(day0: number, since: number, masks: Uint8Array): RhythmState {
  const n = Math.floor(masks.length / 3);
  const out = new Array<number>(n);
  for (let i = 0, j = 0; i < n; i++, j += 3)
    out[i] = (masks[j]! << 16) | (masks[j + 1]! << 8) | masks[j + 2]!;
  return { day0, since, masks: out };
}
