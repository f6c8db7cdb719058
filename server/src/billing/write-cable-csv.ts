import { closeSync, openSync, writeSync } from 'node:fs';
import type { Sqlite } from '../../../db/src';
import { toCsv } from '../lib/csv';
import { conflict } from '../lib/errors';
import { statementsOfMonth } from './load-statements';
import { CABLE_CSV_COLUMNS, cableBillRows } from './statement/cable-bill-rows';

/**
 * The cable operator's CSV for a closed month, one chunk per statement (UTF-8 with a BOM so
 * spreadsheet software reads the Japanese). Statements are read a page at a time and no cursor is
 * held between chunks, so a caller may await between them.
 */
export function* cableCsvChunks(sqlite: Sqlite, month: string): Generator<{ text: string; rows: number }> {
  if (!sqlite.prepare('SELECT 1 FROM billing_closes WHERE month = ?').get(month)) {
    throw conflict('month_not_closed', `close ${month} before exporting the cable bill`);
  }
  yield { text: toCsv([], { header: CABLE_CSV_COLUMNS, bom: true }), rows: 0 };
  for (const s of statementsOfMonth(sqlite, month)) {
    const rows = cableBillRows(s);
    yield { text: toCsv(rows), rows: rows.length };
  }
}

/** Writes the CSV to a file; returns the number of data rows. */
export function writeCableCsv(sqlite: Sqlite, month: string, path: string): number {
  const chunks = cableCsvChunks(sqlite, month);
  // Check the month before creating the file, so a refusal leaves nothing behind.
  const first = chunks.next();
  const fd = openSync(path, 'w');
  let rows = 0;
  try {
    if (!first.done) writeSync(fd, first.value.text);
    for (const chunk of chunks) {
      writeSync(fd, chunk.text);
      rows += chunk.rows;
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}
