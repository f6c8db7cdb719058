import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Db, Sqlite } from '../../../db/src';
import { AppError } from '../lib/errors';
import { getBillingSettings } from './billing-settings';
import { closeMonth } from './close-month';
import { exportDebitBatch } from './export-debit-batch';
import { importDebitResult } from './import-debit-result';
import { writeCableCsv } from './write-cable-csv';
import { simulateBankResult } from './zengin/simulate-bank-result';
import type { ResultCode } from './zengin/types';

export const BILLING_USAGE = `usage: npm run billing -- <command>
  close --month YYYY-MM                       close a month (idempotent) and print the reconciliation
  export-debit --month YYYY-MM --out FILE     write the month's Zengin 口座振替 request file
  import-result FILE                          apply the bank's result file
  cable-csv --month YYYY-MM --out FILE        write the cable operator's CSV of line items
  simulate-result FILE --out FILE [--fail 100017=1,100034=4]
                                              demo: the bank's answer to a request file
options: --now ISO-8601 instant (default: the current time)`;

/**
 * The operators' command line, as a function of its arguments so tests run it against a test
 * database. Returns the lines to print; throws with a readable message on a refusal.
 */
export async function runBillingCommand(
  argv: string[],
  deps: { db: Db; sqlite: Sqlite; now: Date },
): Promise<string[]> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      month: { type: 'string' },
      out: { type: 'string' },
      fail: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const [command, file] = positionals;
  const now = values.now ? new Date(values.now) : deps.now;
  if (Number.isNaN(now.getTime())) throw new Error(`--now "${values.now}" is not a date`);
  const need = (v: string | undefined, name: string) => {
    if (!v) throw new Error(`${command} needs ${name}\n${BILLING_USAGE}`);
    return v;
  };
  const settings = await getBillingSettings(deps.db);
  try {
    switch (command) {
      case 'close': {
        const r = await closeMonth(deps.db, need(values.month, '--month'), now, settings);
        return [
          ...(r.alreadyClosed ? [`${r.month} was already closed; nothing changed`] : []),
          ...r.report,
          `${r.settlementCount} seller settlements: payouts ${r.payouts} yen, commission ${r.commissions} yen`,
        ];
      }
      case 'export-debit': {
        const out = need(values.out, '--out');
        const r = exportDebitBatch(deps.sqlite, need(values.month, '--month'), now, settings);
        writeFileSync(out, r.file);
        return [
          `${r.alreadyExported ? 'existing' : 'new'} debit batch ${r.batchId} for ${r.month}: ${r.recordCount} records, ${r.totalAmount} yen, debit date ${r.debitDate}`,
          `wrote ${r.file.length} bytes to ${out}`,
          ...r.skipped.map(
            (s) => `not debited: household ${s.householdId} ${s.name} ${s.amountDue} yen (${s.reason})`,
          ),
        ];
      }
      case 'import-result': {
        const r = importDebitResult(deps.sqlite, readFileSync(need(file, 'a result FILE')), now);
        return [
          `result for ${r.month} (batch ${r.batchId}): ${r.paid} paid, ${r.failed} failed, ${r.followUps} on the follow-up list (carried at the next close), ${r.mandatesStopped} mandates stopped, ${r.unchanged} already imported`,
        ];
      }
      case 'cable-csv': {
        const out = need(values.out, '--out');
        const rows = writeCableCsv(deps.sqlite, need(values.month, '--month'), out);
        return [`wrote ${rows} rows to ${out}`];
      }
      case 'simulate-result': {
        const out = need(values.out, '--out');
        const outcomes = new Map<string, ResultCode>();
        for (const pair of (values.fail ?? '').split(',').filter(Boolean)) {
          const [no, code] = pair.split('=');
          if (!no || !/^[0-489]$/.test(code ?? '')) throw new Error(`--fail "${pair}" is not CUSTOMER=CODE`);
          outcomes.set(no.replace(/\D/g, ''), Number(code) as ResultCode);
        }
        writeFileSync(out, simulateBankResult(readFileSync(need(file, 'a request FILE')), outcomes));
        return [`wrote the simulated result to ${out}`];
      }
      default:
        throw new Error(BILLING_USAGE);
    }
  } catch (e) {
    // Refusals carry a code; show it the way the API would.
    if (e instanceof AppError) throw new Error(`${e.code}: ${e.message}`);
    throw e;
  }
}
