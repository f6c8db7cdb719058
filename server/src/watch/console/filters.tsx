import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../../db/src';
import { hamlets } from '../../../../db/src/schema';
import { inHamletScope, type StaffScope } from '../../auth/scope';
import type { AlertFilter } from '../list-open-alerts';
import { TIER_JA, TIERS } from '../list-open-alerts';

const FilterQuery = z.object({
  hamlet: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  tier: z
    .enum(TIERS as [string, ...string[]])
    .optional()
    .catch(undefined),
});

/** The filters from the query string; anything unknown is simply no filter. */
export const alertFilterOf = (query: Record<string, string>): AlertFilter => {
  const q = FilterQuery.parse(query);
  return { hamletId: q.hamlet, tier: q.tier };
};

export async function hamletsInScope(db: DbOrTx, scope: StaffScope) {
  return (
    await db.select({ id: hamlets.id, name: hamlets.name }).from(hamlets).orderBy(asc(hamlets.id)).all()
  ).filter((h) => inHamletScope(scope, h.id));
}

/** A GET form: the filters are part of the page's address, so a reload or a live refresh keeps them. */
export function AlertFilters(props: {
  action: string;
  filter: AlertFilter;
  hamlets: { id: number; name: string }[];
}) {
  return (
    <form method="get" action={props.action} class="watch-filters" aria-label="お知らせの絞り込み">
      {props.hamlets.length > 1 ? (
        <label>
          集落
          <select name="hamlet">
            <option value="">すべて</option>
            {props.hamlets.map((h) => (
              <option value={String(h.id)} selected={props.filter.hamletId === h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        段階
        <select name="tier">
          <option value="">すべて</option>
          {TIERS.map((t) => (
            <option value={t} selected={props.filter.tier === t}>
              {TIER_JA[t]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        絞り込む
      </button>
    </form>
  );
}
