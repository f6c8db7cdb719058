import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { hamlets, households, residents, setTopBoxes } from '../../../db/src/schema';
import { DEMO_PASSWORD, DEMO_STAFF, demoBoxToken } from '../../../db/src/seed/demo';
import { ROLE_LABELS } from '../console/nav';
import type { AppEnv } from '../lib/router';

/**
 * Demo only (SEED_DEMO): pick a demo set-top box for the TV app, and see the staff logins.
 * A real box is provisioned with its token by the cable operator instead.
 */
export const demoPage = new Hono<AppEnv>();

demoPage.get('/', async (c) => {
  const rows = await c.var.deps.db
    .select({
      boxId: setTopBoxes.id,
      deviceId: setTopBoxes.deviceId,
      household: households.name,
      hamlet: hamlets.name,
      householdId: households.id,
    })
    .from(setTopBoxes)
    .innerJoin(households, eq(households.id, setTopBoxes.householdId))
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .orderBy(asc(setTopBoxes.id))
    .all();
  const people = await c.var.deps.db
    .select({ householdId: residents.householdId, name: residents.name })
    .from(residents)
    .all();
  return c.html(
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>engawa デモ</title>
        <style>{`body{font-family:"Noto Sans JP",system-ui,sans-serif;margin:2rem;max-width:1000px}
        td,th{border:1px solid #ccc;padding:.3rem .6rem}table{border-collapse:collapse}
        a:focus{outline:3px solid #f5a623}`}</style>
      </head>
      <body>
        <h1>engawa デモ</h1>
        <p>
          テレビ画面（1920×1080）を開くデモ用セットトップボックスを選んでください。矢印キー・Enter・Backspace
          で操作します。
        </p>
        <table>
          <thead>
            <tr>
              <th>ボックス</th>
              <th>世帯</th>
              <th>集落</th>
              <th>住民</th>
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.deviceId.startsWith('STB-DEMO-'))
              .map((r) => (
                <tr>
                  <td>
                    <a href={`/?token=${demoBoxToken(Number(r.deviceId.slice(-4)))}`}>{r.deviceId}</a>
                  </td>
                  <td>{r.household}</td>
                  <td>{r.hamlet}</td>
                  <td>
                    {people
                      .filter((p) => p.householdId === r.householdId)
                      .map((p) => p.name)
                      .join('、')}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <h2>スタッフ用コンソール</h2>
        <p>
          <a href="/console">/console</a> — パスワードは全員 <code>{DEMO_PASSWORD}</code>
        </p>
        <table>
          <tbody>
            {DEMO_STAFF.map((s) => (
              <tr>
                <td>
                  <code>{s.loginId}</code>
                </td>
                <td>{s.name}</td>
                <td>{ROLE_LABELS[s.role]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href="/api/docs">API リファレンス</a>
        </p>
      </body>
    </html>,
  );
});
