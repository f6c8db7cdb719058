export type TaxRate = 8 | 10;
export const REDUCED_RATE: TaxRate = 8;
export const STANDARD_RATE: TaxRate = 10;

export type RateTotal = {
  rate: TaxRate;
  /** Tax-inclusive total of the lines at this rate. */
  total: number;
  /** Consumption tax contained in `total`. */
  tax: number;
  /** `total - tax`. */
  net: number;
};

/**
 * Tax contained in a tax-inclusive amount: floor(total × r / (100 + r)), truncating toward zero.
 * Integer arithmetic so that no floating-point quotient can round up across a yen.
 */
export function taxIncluded(total: number, rate: TaxRate): number {
  if (!Number.isSafeInteger(total)) throw new RangeError(`amount ${total} is not an integer number of yen`);
  const a = total * rate;
  const b = 100 + rate;
  return (a - (a % b)) / b;
}

/**
 * Totals per rate with the tax computed once per rate on the statement total (適格請求書 rule:
 * rounding per line and summing is not allowed). Rates with no lines are left out; the result is
 * sorted reduced rate first, as invoices show it.
 */
export function taxPerRate(lines: Iterable<{ amount: number; taxRate: TaxRate }>): RateTotal[] {
  const totals = new Map<TaxRate, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount))
      throw new RangeError(`amount ${l.amount} is not an integer number of yen`);
    if (l.taxRate !== 8 && l.taxRate !== 10) throw new RangeError(`unknown tax rate ${String(l.taxRate)}`);
    totals.set(l.taxRate, (totals.get(l.taxRate) ?? 0) + l.amount);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, total]) => {
      const tax = taxIncluded(total, rate);
      return { rate, total, tax, net: total - tax };
    });
}
