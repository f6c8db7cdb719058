import type { LearnedNormal } from './detector/types';

/**
 * The stored form of a learned normal's runs: 48 cells of whole minutes as big-endian uint16
 * (96 bytes). A run is at most a day of awake minutes, so 16 bits hold it; the fraction decay
 * leaves is not worth storing.
 */
export function encodeRuns(runs: readonly number[]): Buffer {
  const out = Buffer.alloc(runs.length * 2);
  runs.forEach((m, i) => out.writeUInt16BE(Math.min(0xffff, Math.max(0, Math.round(m))), i * 2));
  return out;
}

export function decodeNormal(day: number, runs: Uint8Array, asked: number, answered: number): LearnedNormal {
  const n = Math.floor(runs.length / 2);
  const noKeyRun = new Array<number>(n);
  for (let i = 0, j = 0; i < n; i++, j += 2) noKeyRun[i] = (runs[j]! << 8) | runs[j + 1]!;
  return { day, noKeyRun, asked, answered };
}
