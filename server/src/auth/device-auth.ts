import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../lib/crypto';
import { unauthorized } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { withSqlite, type Sqlite } from '../../../db/src';

type Row = { id: number; household_id: number };
const statements = new WeakMap<Sqlite, (hash: string) => Row | undefined>();

/** Prepared once per connection: this runs on every TV request, heartbeats included. */
function lookup(sqlite: Sqlite) {
  let fn = statements.get(sqlite);
  if (!fn) {
    const stmt = sqlite.prepare<[string], Row>(
      'SELECT id, household_id FROM set_top_boxes WHERE token_hash = ? AND revoked_at IS NULL',
    );
    fn = (hash) => stmt.get(hash);
    statements.set(sqlite, fn);
  }
  return fn;
}

/** Set-top boxes send `Authorization: Bearer <device token>`; the token is stored hashed. */
export const requireDevice = (): MiddlewareHandler<AppEnv> =>
  async function requireDevice(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~-]{16,200})$/.exec(header);
    if (!match) throw unauthorized('A set-top box token is required');
    const hash = sha256(match[1]!);
    const row = await withSqlite(c.var.deps.db, (sqlite) => lookup(sqlite)(hash));
    if (!row) throw unauthorized('Unknown or revoked set-top box token');
    c.set('device', { boxId: row.id, householdId: row.household_id });
    await next();
  };
