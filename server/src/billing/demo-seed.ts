import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import * as s from '../../../db/src/schema';
import { DEMO_HOUSEHOLDS } from '../../../db/src/seed/people';
import { tokyoDate } from '../lib/tokyo';
import { normalizeKanaName } from './zengin/normalize-kana-name';

const BANKS = [
  { bankCode: '0143', bankName: 'はちじゅうに', branchCode: '531', branchName: 'たかとお' },
  { bankCode: '9900', bankName: 'ゆうちょ', branchCode: '268', branchName: 'にろくはち' },
  { bankCode: '3015', bankName: 'カミイナシンヨウキンコ', branchCode: '012', branchName: 'ハセ' },
];

/**
 * Demo bank accounts: names typed as staff would (hiragana, full-width katakana) and stored in the
 * half-width kana the Zengin file carries. Household 5 has no account and household 6's form is
 * still at the bank, so the export's "not debited" list has something to show.
 */
export async function seedBilling(db: Db, now: Date): Promise<void> {
  const households = await db
    .select({ id: s.households.id })
    .from(s.households)
    .orderBy(asc(s.households.id))
    .all();
  for (const [i, h] of households.entries()) {
    const demo = DEMO_HOUSEHOLDS[i];
    if (!demo || i === 4) continue;
    const first = await db
      .select({ kana: s.residents.kana })
      .from(s.residents)
      .where(eq(s.residents.householdId, h.id))
      .orderBy(asc(s.residents.id))
      .get();
    const bank = BANKS[i % BANKS.length]!;
    await db
      .insert(s.bankAccounts)
      .values({
        householdId: h.id,
        bankCode: bank.bankCode,
        bankName: normalizeKanaName(bank.bankName),
        branchCode: bank.branchCode,
        branchName: normalizeKanaName(bank.branchName),
        accountType: 1,
        accountNumber: String(1_200_000 + i * 1_311).padStart(7, '0'),
        holderKana: normalizeKanaName(first?.kana ?? demo.kana),
        mandateStatus: i === 5 ? 'pending' : 'active',
        mandateSince: tokyoDate(now),
        nextNewCode: 1,
        updatedAt: now,
      })
      .run();
  }
}
