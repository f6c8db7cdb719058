import type { Rng } from '../../lib/random';

export { createRng, type Rng } from '../../lib/random';

/** Integer in [lo, hi]. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
