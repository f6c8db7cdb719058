import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { hamlets, households, residents, watchSettings } from '../../../../db/src/schema';
import { hamletCondition, staffScope } from '../../auth/scope';
import { Layout } from '../../console/layout';
import type { AppEnv } from '../../lib/router';

/** Residents (a support worker: their hamlet) with their watching status, to open one. */
export const residentsScreen = new Hono<AppEnv>();

residentsScreen.get('/residents', async (c) => {
  const { db } = c.var.deps;
  const staff = c.var.staff;
  const rows = await db
    .select({
      id: residents.id,
      name: residents.name,
      hamletName: hamlets.name,
      phone: households.phone,
      enabled: watchSettings.enabled,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .leftJoin(watchSettings, eq(watchSettings.residentId, residents.id))
    .where(hamletCondition(staffScope(staff), households.hamletId))
    .orderBy(asc(residents.id))
    .all();
  return c.html(
    <Layout title={`見守り: 住民（${rows.length}人）`} staff={staff}>
      <table>
        <thead>
          <tr>
            <th>住民</th>
            <th>集落</th>
            <th>見守り</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/console/watch/residents/${r.id}`}>{r.name}</a>
              </td>
              <td>{r.hamletName}</td>
              <td>{r.enabled ? '見守り中' : r.enabled === false ? '停止中' : '未登録'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
});
