export interface Packable {
  id: number;
  weightG: number;
}

export interface Bin<P extends Packable> {
  items: P[];
  loadG: number;
}

/**
 * First-fit decreasing: within 11/9 OPT + 6/9 bins, and deterministic because ties on weight are
 * broken by id. Items heavier than the capacity are the caller's job to remove first.
 */
export function packParcels<P extends Packable>(parcels: readonly P[], capacityG: number): Bin<P>[] {
  const sorted = [...parcels].sort((a, b) => b.weightG - a.weightG || a.id - b.id);
  const bins: Bin<P>[] = [];
  for (const parcel of sorted) {
    if (parcel.weightG > capacityG)
      throw new RangeError(`parcel ${parcel.id} exceeds capacity ${capacityG} g`);
    let bin = bins.find((b) => b.loadG + parcel.weightG <= capacityG);
    if (!bin) {
      bin = { items: [], loadG: 0 };
      bins.push(bin);
    }
    bin.items.push(parcel);
    bin.loadG += parcel.weightG;
  }
  return bins;
}
