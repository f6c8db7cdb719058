import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { settings } from '../../../db/src/schema';

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{1,${n}}$`), `up to ${n} digits`);

/** Billing configuration, stored in the `settings` table under `billing`; missing keys take these defaults. */
export const BillingSettingsSchema = z.object({
  issuer: z.object({
    name: z.string().min(1),
    registrationNumber: z.string().regex(/^T\d{13}$/, 'T + 13 digits'),
  }),
  membership: z.object({ feeYen: z.number().int().min(0), chargeJoiningMonth: z.boolean() }),
  /** Day of the month after the billing month on which the bank debits (moved to a business day). */
  debitDay: z.number().int().min(1).max(31),
  originator: z.object({
    code: digits(10),
    nameKana: z.string().min(1),
    bankCode: digits(4),
    bankNameKana: z.string(),
    branchCode: digits(3),
    branchNameKana: z.string(),
    accountType: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(9)]),
    accountNumber: digits(7),
  }),
});

export type BillingSettings = z.infer<typeof BillingSettingsSchema>;

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  issuer: {
    name: '伊那ケーブルテレビジョン株式会社（ゆうあいマーケット）',
    registrationNumber: 'T1234567890123',
  },
  membership: { feeYen: 1000, chargeJoiningMonth: true },
  debitDay: 27,
  originator: {
    code: '1234567890',
    nameKana: 'ｲﾅｹ-ﾌﾞﾙﾃﾚﾋﾞｼﾞﾖﾝ',
    bankCode: '0143',
    bankNameKana: 'ﾊﾁｼﾞﾕｳﾆ',
    branchCode: '150',
    branchNameKana: 'ｲﾅ',
    accountType: 1,
    accountNumber: '1234567',
  },
};

export const BILLING_SETTINGS_KEY = 'billing';

export async function getBillingSettings(db: DbOrTx): Promise<BillingSettings> {
  const row = await db.select().from(settings).where(eq(settings.key, BILLING_SETTINGS_KEY)).get();
  if (!row) return DEFAULT_BILLING_SETTINGS;
  const stored = row.value as Partial<BillingSettings>;
  return BillingSettingsSchema.parse({ ...DEFAULT_BILLING_SETTINGS, ...stored });
}
