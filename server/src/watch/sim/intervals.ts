/** Half-open [from, to) intervals in epoch ms, kept sorted and disjoint. */
export type Interval = [number, number];

export function normalize(list: Interval[]): Interval[] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function subtract(list: Interval[], cuts: Interval[]): Interval[] {
  let cur = normalize(list.map(([a, b]) => [a, b] as Interval));
  for (const [ca, cb] of normalize(cuts)) {
    const next: Interval[] = [];
    for (const [a, b] of cur) {
      if (cb <= a || ca >= b) next.push([a, b]);
      else {
        if (a < ca) next.push([a, ca]);
        if (cb < b) next.push([cb, b]);
      }
    }
    cur = next;
  }
  return cur;
}

export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (lo < hi) out.push([lo, hi]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** Index of the interval containing `t`, or -1 (binary search). */
export function find(list: Interval[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = list[mid]!;
    if (t < a) hi = mid - 1;
    else if (t >= b) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The first interval that ends after `t`. */
export function nextFrom(list: Interval[], t: number): Interval | null {
  for (const iv of list) if (iv[1] > t) return iv;
  return null;
}
