import { STANDARD_RATE, taxPerRate, type RateTotal, type TaxRate } from '../tax/tax-per-rate';
import type { LedgerCharge } from './types';

export type SellerRef = {
  id: number;
  name: string;
  /** Commission in basis points of tax-inclusive goods sales (1000 = 10 %). */
  commissionBp: number;
  invoiceRegNo: string | null;
};

export type Settlement = {
  sellerId: number;
  sellerName: string;
  month: string;
  orderCount: number;
  lineCount: number;
  /** Tax-inclusive goods sales for delivered lines. */
  sales: number;
  salesByRate: RateTotal[];
  commissionBp: number;
  /** Commission before tax: floor(sales × bp / 10,000). */
  commissionNet: number;
  /** Consumption tax on the commission (a service, 10 %), floor. */
  commissionTax: number;
  commissionTotal: number;
  /** What the platform pays the seller: sales − commissionTotal. */
  payout: number;
};

const floorDiv = (a: number, b: number) => (a - (a % b)) / b;

export type SellerGoodsTotals = {
  /** Tax-inclusive sales per rate (one entry per rate, or per line: they are summed). */
  byRate: { amount: number; taxRate: number }[];
  orderCount: number;
  lineCount: number;
};

/** Totals of one seller's delivered goods lines, for composing a settlement from plain ledger rows. */
export function summariseSellerGoods(sellerId: number, goods: readonly LedgerCharge[]): SellerGoodsTotals {
  const mine = goods.filter((c) => c.kind === 'goods' && c.sellerId === sellerId);
  if (mine.length !== goods.length)
    throw new RangeError(`settlement for seller ${sellerId} got other sellers' lines`);
  return {
    byRate: mine.map((c) => ({ amount: c.amountYen, taxRate: c.taxRate })),
    orderCount: new Set(mine.map((c) => c.orderId)).size,
    lineCount: mine.length,
  };
}

/**
 * A seller's monthly settlement. The platform collects goods money from residents on the cable
 * bill, keeps its commission plus consumption tax on it, and pays the rest out, so
 * payout + commissionTotal = sales holds to the yen.
 */
export function composeSettlement(seller: SellerRef, month: string, totals: SellerGoodsTotals): Settlement {
  if (!Number.isSafeInteger(seller.commissionBp) || seller.commissionBp < 0 || seller.commissionBp > 10_000) {
    throw new RangeError(`commission ${seller.commissionBp} bp is out of range`);
  }
  const salesByRate = taxPerRate(
    totals.byRate.map((l) => ({ amount: l.amount, taxRate: l.taxRate as TaxRate })),
  );
  const sales = salesByRate.reduce((s, r) => s + r.total, 0);
  const commissionNet = floorDiv(Math.max(sales, 0) * seller.commissionBp, 10_000);
  const commissionTax = floorDiv(commissionNet * STANDARD_RATE, 100);
  const commissionTotal = commissionNet + commissionTax;
  return {
    sellerId: seller.id,
    sellerName: seller.name,
    month,
    orderCount: totals.orderCount,
    lineCount: totals.lineCount,
    sales,
    salesByRate,
    commissionBp: seller.commissionBp,
    commissionNet,
    commissionTax,
    commissionTotal,
    payout: sales - commissionTotal,
  };
}
