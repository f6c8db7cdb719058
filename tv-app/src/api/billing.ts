import { api, type ApiClient } from './client.js';
import type { Schema } from './types.js';

/**
 * GET /api/billing/current: this month's running total (tax-inclusive yen) and any debit notice;
 * `debitDate` is the Tokyo date it is debited, `planned` what is booked but not charged yet.
 */
export type CurrentBilling = Schema<'CurrentBilling'>;

export const getCurrentBilling = (client: ApiClient = api()) =>
  client.get<CurrentBilling>('/billing/current');
