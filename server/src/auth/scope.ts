import { inArray, type Column, type SQL } from 'drizzle-orm';
import type { StaffAuth } from '../lib/router';

/**
 * What part of the service a staff member may see and act on, once their role lets them use a
 * route. `null` means no limit. The one home of these rules: business functions take a scope and
 * filter or refuse with it; routes and console pages only call `staffScope(c.var.staff)`.
 *
 * - store staff: the lines of their own seller (in every hamlet);
 * - support worker: the orders and residents of their own hamlet;
 * - admin, city staff, call centre, drone operator, drivers: no limit beyond their role.
 *
 * An account without its seller or hamlet sees nothing rather than everything.
 */
export interface StaffScope {
  sellerIds: readonly number[] | null;
  hamletIds: readonly number[] | null;
}

export const UNLIMITED_SCOPE: StaffScope = { sellerIds: null, hamletIds: null };

export function staffScope(
  staff: Pick<StaffAuth, 'role'> & Partial<Pick<StaffAuth, 'sellerId' | 'hamletId'>>,
): StaffScope {
  switch (staff.role) {
    case 'store_staff':
      return { sellerIds: staff.sellerId == null ? [] : [staff.sellerId], hamletIds: null };
    case 'support_worker':
      return { sellerIds: null, hamletIds: staff.hamletId == null ? [] : [staff.hamletId] };
    default:
      return UNLIMITED_SCOPE;
  }
}

export const inSellerScope = (scope: StaffScope, sellerId: number | null): boolean =>
  scope.sellerIds === null || (sellerId !== null && scope.sellerIds.includes(sellerId));

export const inHamletScope = (scope: StaffScope, hamletId: number | null): boolean =>
  scope.hamletIds === null || (hamletId !== null && scope.hamletIds.includes(hamletId));

/** A where-condition limiting `column` to the scope's sellers (undefined = no limit). */
export const sellerCondition = (scope: StaffScope, column: Column): SQL | undefined =>
  scope.sellerIds === null ? undefined : inArray(column, [...scope.sellerIds]);

/** A where-condition limiting `column` to the scope's hamlets (undefined = no limit). */
export const hamletCondition = (scope: StaffScope, column: Column): SQL | undefined =>
  scope.hamletIds === null ? undefined : inArray(column, [...scope.hamletIds]);
