import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Sqlite } from '../../../db/src';
import { conflict } from '../lib/errors';
import { statementsOfMonth } from './load-statements';
import { CABLE_CSV_COLUMNS, cableBillRows } from './statement/cable-bill-rows';

/**
 * The cable operator's CSV for a closed month (UTF-8 with BOM so spreadsheet software reads the
 * Japanese), written a statement at a time. Returns the number of data rows.
 */
export function writeCableCsv(sqlite: Sqlite, month: string, path: string): number {
  const fd = openSync(path, 'w');
  try {
    return writeCableCsvTo(sqlite, month, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

export function writeCableCsvTo(sqlite: Sqlite, month: string, write: (chunk: string) => void): number {
  if (!sqlite.prepare('SELECT 1 FROM billing_closes WHERE month = ?').get(month)) {
    throw conflict('month_not_closed', `close ${month} before exporting the cable bill`);
  }
  write('\ufeff' + stringify([[...CABLE_CSV_COLUMNS]]));
  let rows = 0;
  for (const s of statementsOfMonth(sqlite, month)) {
    const r = cableBillRows(s);
    write(stringify(r));
    rows += r.length;
  }
  return rows;
}
