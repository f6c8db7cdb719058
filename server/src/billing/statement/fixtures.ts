import { fromTokyo } from '../../lib/tokyo';
import type { LedgerCharge } from './types';

let nextId = 1;

/** A ledger row for tests; amounts are tax-inclusive yen. */
export function charge(
  partial: Partial<LedgerCharge> & Pick<LedgerCharge, 'kind' | 'amountYen'>,
): LedgerCharge {
  return {
    id: nextId++,
    householdId: 1,
    description: partial.kind,
    taxRate: partial.kind === 'carry_over' ? 0 : 10,
    sellerId: null,
    orderId: null,
    occurredAt: fromTokyo('2026-11-10', '10:00'),
    ...partial,
  };
}

export const issuer = { name: '伊那市 ゆうあいマーケット', registrationNumber: 'T1234567890123' };
export const recipient = { householdId: 1, name: '山田 花子', cableCustomerNo: '0012345' };
