/**
 * The one seeded generator of the house (mulberry32): the taxi solver, the watch simulation, the
 * benches and the demo history must give the same results for the same seed, run after run.
 */
export class Random {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  /** Integer in [a, b]. */
  int(a: number, b: number): number {
    return Math.floor(this.uniform(a, b + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  pick<T>(weighted: ReadonlyArray<readonly [T, number]>): T {
    let r = this.next() * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of weighted) if ((r -= w) < 0) return v;
    return weighted[weighted.length - 1]![0];
  }
  /** One element, uniformly. */
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** The generator as a plain function, for code that only needs numbers in [0, 1). */
export type Rng = () => number;

/** Seed 0 is replaced by a fixed constant, as the taxi solver has always done. */
export function createRng(seed: number): Rng {
  const r = new Random(seed >>> 0 || 0x9e3779b9);
  return () => r.next();
}
