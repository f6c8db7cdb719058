import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { withSqlite, type Db, type Sqlite, type Tx } from '../../../db/src';
import { parseBillingMonth } from './billing-month';
import type { BillingSettings } from './billing-settings';
import { prepareHouseholdClose, type CloseTotalsSoFar } from './close-households';
import { acquireCloseLease, releaseCloseLease } from './close-lease';
import { assertCloseable } from './close-order';
import { finishClose } from './finish-close';
import { carryOpenReceivables } from './list-follow-ups';
import type { CloseTotals } from './statement/reconcile-close';

export type CloseResult = CloseTotals & {
  alreadyClosed: boolean;
  settlementCount: number;
  report: string[];
};

/**
 * How long one transaction of a close may hold the event loop and the write lock. At 100,000
 * households a close takes several seconds of CPU; cut into transactions of this length,
 * heartbeats, orders and alerts are served between them. Measured in wall time because what
 * matters is how long a request waits, whatever the machine's load.
 */
export const CLOSE_BATCH_MS = 4;
/** Households closed between two looks at the time budget. */
const HOUSEHOLDS_PER_STEP = 10;

export type CloseOptions = {
  /** Time budget of one transaction (Infinity: the whole close in one, as before). */
  batchMs?: number;
  /** Runs inside the close's last transaction (the job claims its slot there). */
  onCommit?: (result: CloseResult, tx: Tx) => Promise<void> | void;
};

const recorded = (sqlite: Sqlite, month: string) =>
  sqlite
    .prepare<[string], Record<string, unknown>>('SELECT * FROM billing_closes WHERE month = ?')
    .get(month);

/**
 * Closes a billing month: writes the membership fees, one statement per household with charges,
 * one settlement per seller with sales, checks that everything reconciles and records the close.
 * The work runs in short transactions with the event loop free between them; the month counts as
 * closed only when the last one writes `billing_closes`. A close that does not reconcile, fails,
 * or is killed leaves no statement behind it (the next attempt discards a killed one's). Closing a
 * closed month returns the recorded result and writes nothing, so the job and an operator may
 * both run it; a lease keeps two closes from running at once.
 */
export async function closeMonth(
  db: Db,
  month: string,
  now: Date,
  settings: BillingSettings,
  options: CloseOptions = {},
): Promise<CloseResult> {
  parseBillingMonth(month);
  // Each synchronous stretch below takes the connection through withSqlite, so it never runs
  // inside another request's open transaction; between stretches the event loop is free.
  const existing = await withSqlite(db, (sqlite) => {
    const r = recorded(sqlite, month);
    if (r) return fromRecord(r, true, sqlite);
    assertCloseable(sqlite, month, now);
    acquireCloseLease(sqlite, month, now);
    return undefined;
  });
  if (existing) return existing;
  const batchMs = options.batchMs ?? CLOSE_BATCH_MS;
  const batch = 500;
  try {
    await discardOpenMonth(db, month, batch, false);
    // Amounts still owed from earlier statements join this month's, before statements are summed.
    await withSqlite(db, (sqlite) => sqlite.transaction(() => carryOpenReceivables(sqlite, month, now))());
    const totals: CloseTotalsSoFar = { statementCount: 0, lines: 0, sellers: new Map() };
    const { closeHouseholds, lastId } = await withSqlite(db, (sqlite) => ({
      closeHouseholds: prepareHouseholdClose(sqlite, month, now, settings, totals),
      lastId: sqlite.prepare<[], number | null>('SELECT max(id) FROM households').pluck().get() ?? 0,
    }));
    let from = 1;
    while (from <= lastId) {
      await withSqlite(db, (sqlite) =>
        sqlite.transaction(() => {
          // performance.now() paces the work; it never decides what is billed (that is `now`).
          const started = performance.now();
          do {
            closeHouseholds(from, from + HOUSEHOLDS_PER_STEP - 1);
            from += HOUSEHOLDS_PER_STEP;
          } while (from <= lastId && performance.now() - started < batchMs);
        })(),
      );
      await yieldToEventLoop();
    }
    return await db.transaction(async (tx) => {
      const r: CloseResult = await withSqlite(tx, (sqlite) => ({
        ...finishClose(sqlite, month, now, totals),
        alreadyClosed: false,
      }));
      await options.onCommit?.(r, tx);
      await withSqlite(tx, (sqlite) => releaseCloseLease(sqlite, month));
      return r;
    });
  } catch (e) {
    await discardOpenMonth(db, month, batch, true);
    await withSqlite(db, (sqlite) => sqlite.transaction(() => releaseCloseLease(sqlite, month))());
    throw e;
  }
}

/**
 * Removes what batches of an unfinished close of `month` wrote: statements, their lines and
 * settlements; with `everything`, also the membership rows and carried amounts, so a failed
 * close leaves the database as it found it. Only for a month that is not closed.
 */
async function discardOpenMonth(db: Db, month: string, batch: number, everything: boolean) {
  const ids = await withSqlite(db, (sqlite) =>
    recorded(sqlite, month)
      ? null
      : sqlite
          .prepare<[string], number>('SELECT id FROM statements WHERE month = ? ORDER BY id')
          .pluck()
          .all(month),
  );
  if (ids === null) return;
  for (let i = 0; i < ids.length; i += batch) {
    const from = ids[i]!;
    const to = ids[Math.min(i + batch, ids.length) - 1]!;
    await withSqlite(db, (sqlite) =>
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM statement_lines WHERE statement_id BETWEEN ? AND ?').run(from, to);
        sqlite.prepare('DELETE FROM statements WHERE month = ? AND id BETWEEN ? AND ?').run(month, from, to);
      })(),
    );
    await yieldToEventLoop();
  }
  await withSqlite(db, (sqlite) => discardMonthRows(sqlite, month, everything));
}

function discardMonthRows(sqlite: Sqlite, month: string, everything: boolean) {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM seller_settlements WHERE month = ?').run(month);
    if (!everything) return;
    // Membership rows are only ever written by a close of their month, which has not happened.
    sqlite.prepare("DELETE FROM charges WHERE kind = 'membership' AND month = ?").run(month);
    sqlite
      .prepare(
        "DELETE FROM charges WHERE kind = 'carry_over' AND month = ? AND source_key LIKE 'carry-over:receivable:%'",
      )
      .run(month);
    sqlite
      .prepare(
        "UPDATE receivables SET state = 'open', carried_into_month = NULL WHERE state = 'carried' AND carried_into_month = ?",
      )
      .run(month);
  })();
}

function fromRecord(r: Record<string, unknown>, alreadyClosed: boolean, sqlite: Sqlite): CloseResult {
  const n = (k: string) => Number(r[k]);
  const settlementCount = sqlite
    .prepare<[string], number>('SELECT count(*) FROM seller_settlements WHERE month = ?')
    .pluck()
    .get(String(r.month))!;
  return {
    month: String(r.month),
    ledgerTotal: n('ledger_total'),
    ledgerCount: n('ledger_count'),
    statementsTotal: n('statements_total'),
    statementCount: n('statement_count'),
    goodsSales: n('goods_sales'),
    settledSales: n('goods_sales'),
    payouts: n('payouts'),
    commissions: n('commissions'),
    alreadyClosed,
    settlementCount,
    report: JSON.parse(String(r.report)) as string[],
  };
}
