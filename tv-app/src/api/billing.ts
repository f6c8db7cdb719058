import { api, type ApiClient } from './client.js';

/** GET /api/billing/current: this month's running total (tax-inclusive yen) and any debit notice. */
export interface CurrentBilling {
  month: string;
  runningTotal: number;
  membership: number;
  goods: number;
  rides: number;
  carriedOver: number;
  other: number;
  lastStatement: {
    month: string;
    amountDue: number;
    status: 'none' | 'requested' | 'paid' | 'failed';
  } | null;
  notice: string | null;
  /** Tokyo date ('YYYY-MM-DD') on which this month's total is debited. */
  debitDate: string;
  /** Booked, not yet delivered or ridden: not charged yet and not in `runningTotal`. */
  planned: {
    orders: { count: number; yen: number };
    rides: { count: number; yen: number };
  };
}

export const getCurrentBilling = (client: ApiClient = api()) =>
  client.get<CurrentBilling>('/billing/current');
