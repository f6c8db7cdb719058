import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, residents } from '../../../db/src/schema';
import { ageOn, tokyoDate } from '../lib/tokyo';
import { parseSearchQuery } from './search-query';

export interface ResidentHit {
  residentId: number;
  name: string;
  kana: string;
  age: number;
  householdId: number;
  householdName: string;
  phone: string | null;
  hamletName: string;
  address: string;
}

/** Escapes LIKE's wildcards so a typed % or _ is only itself. */
const likeEscaped = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const noSpaces = (col: unknown) => sql`replace(replace(${col}, ' ', ''), '\u3000', '')`;

/**
 * Residents whose name, reading or household phone contains what the operator typed (see
 * `parseSearchQuery`); at most `limit`, in register order. An empty query finds nobody, so the
 * page never lists the whole city.
 */
export async function searchResidents(
  db: DbOrTx,
  raw: string,
  now: Date,
  limit = 50,
): Promise<ResidentHit[]> {
  const q = parseSearchQuery(raw);
  if (q.kind === 'empty') return [];
  const where =
    q.kind === 'phone'
      ? sql`replace(replace(replace(${households.phone}, '-', ''), ' ', ''), '\u3000', '') LIKE ${likeEscaped(q.digits)} ESCAPE '\\'`
      : or(
          sql`${noSpaces(residents.name)} LIKE ${likeEscaped(q.text)} ESCAPE '\\'`,
          sql`${noSpaces(residents.kana)} LIKE ${likeEscaped(q.hiragana)} ESCAPE '\\'`,
          sql`${noSpaces(households.name)} LIKE ${likeEscaped(q.text)} ESCAPE '\\'`,
        );
  const today = tokyoDate(now);
  return (
    await db
      .select({
        residentId: residents.id,
        name: residents.name,
        kana: residents.kana,
        birthDate: residents.birthDate,
        householdId: households.id,
        householdName: households.name,
        phone: households.phone,
        hamletName: hamlets.name,
        address: households.address,
      })
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
      .where(and(where))
      .orderBy(asc(residents.id))
      .limit(limit)
      .all()
  ).map(({ birthDate, ...r }) => ({ ...r, age: ageOn(birthDate, today) }));
}
